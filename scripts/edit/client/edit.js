// The browser editor (Decap CMS, loaded from node_modules by `npm run edit`): starts it with the
// configuration generated from the project's schemas, shows the preview in the site's stylesheet
// with the project's check messages for the unsaved content, and edits free-form JSON values.
/* global CMS, createClass, h, fetch, setTimeout, clearTimeout, location */
import { danishNumberProblem, formatDanishNumber, parseDanishNumber } from "./danish-number.js";

const PREVIEW_DELAY_MS = 400;

/** The file an entry is saved as: its own path, or for a new indicator or table the folder and id. */
function entryPath(entry, collection) {
  const path = entry.get("path");
  if (path) return path;
  const folder = collection.get("folder");
  const id = entry.getIn(["data", "id"]);
  return folder && id ? `${folder}/${id}.${collection.get("extension") || "json"}` : "";
}

/** Asks the server to check and render the unsaved entry: { problems, html }. */
async function checkDraft(path, values) {
  const { body, ...data } = values;
  const response = await fetch("/api/preview", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ path, data, body }),
  });
  return response.json();
}

function where(problem) {
  const place = [problem.file, problem.line, problem.line && problem.column].filter(Boolean).join(":");
  return problem.path ? `${place} (${problem.path})` : place;
}

function problemList(problems) {
  if (problems.length === 0) return h("p", { className: "edit-ok", role: "status" }, "Ingen fejl: npm run check godkender indholdet med denne ændring.");
  return h(
    "section",
    { className: "edit-problems", role: "alert", "aria-labelledby": "edit-problems-title" },
    h("h2", { id: "edit-problems-title" }, problems.length === 1 ? "1 fejl med denne ændring" : `${problems.length} fejl med denne ændring`),
    h(
      "ul",
      {},
      problems.map((problem, i) =>
        h(
          "li",
          { key: i },
          h("span", { className: "where" }, where(problem)),
          problem.message,
          problem.hint ? h("span", { className: "hint" }, ` Sådan retter du det: ${problem.hint}`) : null,
        ),
      ),
    ),
  );
}

const Preview = createClass({
  getInitialState() {
    return { problems: undefined, html: "" };
  },
  componentDidMount() {
    this.schedule();
  },
  componentDidUpdate(previous) {
    if (previous.entry !== this.props.entry) this.schedule();
  },
  componentWillUnmount() {
    clearTimeout(this.timer);
  },
  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), PREVIEW_DELAY_MS);
  },
  async refresh() {
    const path = entryPath(this.props.entry, this.props.collection);
    if (!path) return;
    const asked = this.props.entry;
    const result = await checkDraft(path, this.props.entry.get("data").toJS());
    if (this.props.entry === asked) this.setState(result);
  },
  render() {
    const { problems, html } = this.state;
    return h(
      "main",
      { className: "edit-preview" },
      problems === undefined ? h("p", { role: "status" }, "Tjekker …") : problemList(problems),
      h("div", { className: "content", dangerouslySetInnerHTML: { __html: html } }),
    );
  },
});

/** A value the forms cannot express (a number or a range, a Vega-Lite spec) typed as JSON. */
const JsonControl = createClass({
  getInitialState() {
    const value = this.props.value && this.props.value.toJS ? this.props.value.toJS() : this.props.value;
    return { text: value === undefined || value === null ? "" : JSON.stringify(value, null, typeof value === "object" && !("min" in value) ? 2 : 0) };
  },
  isValid() {
    if (this.state.text.trim() === "") return true;
    try {
      JSON.parse(this.state.text);
      return true;
    } catch {
      return { error: { message: 'Skriv værdien som JSON, fx 40 eller {"min": 6, "max": 8}.' } };
    }
  },
  handleChange(event) {
    const text = event.target.value;
    this.setState({ text });
    try {
      this.props.onChange(text.trim() === "" ? undefined : JSON.parse(text));
    } catch {
      // isValid() reports it when the editor saves; the last valid value stays meanwhile.
    }
  },
  render() {
    return h("textarea", {
      id: this.props.forID,
      className: this.props.classNameWrapper,
      value: this.state.text,
      rows: Math.min(12, this.state.text.split("\n").length + 1),
      onChange: this.handleChange,
      onFocus: this.props.setActiveStyle,
      onBlur: this.props.setInactiveStyle,
    });
  },
});

/** A number typed the Danish way ("79,5"), for every number field (the field's min, max and value_type come from the schema). */
const DecimalControl = createClass({
  getInitialState() {
    const value = this.props.value;
    return { text: typeof value === "number" ? formatDanishNumber(value) : "" };
  },
  rules() {
    const field = this.props.field;
    return { integer: field.get("value_type") === "int", min: field.get("min"), max: field.get("max") };
  },
  isValid() {
    const problem = danishNumberProblem(this.state.text, this.rules());
    return problem ? { error: { message: problem } } : true;
  },
  handleChange(event) {
    const text = event.target.value;
    this.setState({ text });
    // Until the text is a number, the entry holds nothing (not an old or half-read value), so the
    // preview's check and a save can never use a number the editor did not mean.
    this.props.onChange(text.trim() === "" ? undefined : (parseDanishNumber(text) ?? text));
  },
  render() {
    return h("input", {
      id: this.props.forID,
      className: this.props.classNameWrapper,
      type: "text",
      inputMode: "decimal",
      autoComplete: "off",
      value: this.state.text,
      onChange: this.handleChange,
      onFocus: this.props.setActiveStyle,
      onBlur: this.props.setInactiveStyle,
    });
  },
});

async function start() {
  const response = await fetch("/edit/config.json");
  const config = await response.json();
  config.backend.proxy_url = `${location.origin}/api/v1`;
  // The configuration comes from the server, generated from the schemas: no config.yml to fetch.
  config.load_config_file = false;
  CMS.registerWidget("json", JsonControl);
  CMS.registerWidget("decimal", DecimalControl);
  CMS.registerPreviewStyle("/assets/theme.css");
  CMS.registerPreviewStyle("/assets/site.css");
  CMS.registerPreviewStyle("/edit/preview.css");
  // Decap picks a files collection's template by the file's name, a folder collection's by its own.
  for (const collection of config.collections) {
    CMS.registerPreviewTemplate(collection.name, Preview);
    for (const file of collection.files || []) CMS.registerPreviewTemplate(file.name, Preview);
  }
  CMS.init({ config });
}

start();
