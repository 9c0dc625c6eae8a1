// npm scripts run on the Node that npm installs (package "node", see .nvmrc); say so if not.
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  console.error(`Projektet kræver Node 24 eller nyere, men kører på ${process.version}. Kør "npm ci" igen, så npm installerer den rigtige Node.`);
  process.exit(1);
}
