// Runs before Decap CMS loads: edit.js starts it with the configuration generated from the schemas.
window.CMS_MANUAL_INIT = true;
