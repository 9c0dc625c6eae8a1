// The browser editor (Decap CMS, loaded from node_modules by `npm run edit`): starts it with the
// configuration generated from the project's schemas, shows the preview in the site's stylesheet
// with the project's check messages for the unsaved content, and edits free-form JSON values.
/* global CMS, createClass, h, fetch, setTimeout, clearTimeout, location */
import { danishNumberProblem, formatDanishNumber, parseDanishNumber } from "./danish-number.js";

/** A message of scripts/messages.ts as the check prints it: the message, then the remedy. */
const messageText = ({ message, hint }) => (hint ? `${message}\n\nSådan retter du det: ${hint}` : message);

/** messages.editUnreachable, fetched at start: when it is needed, the server is gone. */
let unreachable = "";

/**
 * Shows why the last save failed, in a panel that stays until the next save succeeds or the editor
 * closes it (Decap's own notice disappears after 8 seconds). The form keeps what was typed.
 */
function showSaveProblem(text) {
  let panel = document.getElementById("edit-save-problem");
  if (!text) return panel?.remove();
  if (!panel) {
    panel = document.createElement("section");
    panel.id = "edit-save-problem";
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", "edit-save-problem-title");
    const heading = document.createElement("h2");
    heading.id = "edit-save-problem-title";
    heading.textContent = "Ikke gemt";
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "Luk";
    close.addEventListener("click", () => panel.remove());
    panel.append(heading, close, document.createElement("p"));
    document.body.append(panel);
  }
  panel.querySelector("p").textContent = text;
}

/** Whether a request is a save through Decap's proxy backend (POST /api/v1, action persistEntry). */
function isSave(input, init) {
  if (init?.method !== "POST" || !String(input).endsWith("/api/v1") || typeof init.body !== "string") return false;
  try {
    return JSON.parse(init.body).action === "persistEntry";
  } catch {
    return false;
  }
}

// Set when the page is reloaded after a save (a new chapter): nothing is unsaved then.
let leaving = false;
// Registered before Decap's own listener (CMS.init comes later), so it can stop Decap's question.
window.addEventListener("beforeunload", (event) => {
  if (leaving) event.stopImmediatePropagation();
});

// Decap's proxy backend calls the global fetch for every request: a save's answer is seen here.
const backendFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  if (!isSave(input, init)) return backendFetch(input, init);
  let response;
  try {
    response = await backendFetch(input, init);
  } catch (error) {
    showSaveProblem(unreachable);
    throw error;
  }
  if (response.ok) {
    showSaveProblem("");
    // A new chapter is listed under its document from the next page load (the configuration is
    // made from the files): load the page again at it. The file is saved, so Decap's "leave the
    // page?" question (its form still counts as changed) is not asked; a new query string makes it
    // a page load rather than a change of Decap's #route, which Decap could stop.
    const { created } = await response.clone().json();
    if (created) {
      leaving = true;
      location.assign(`/?ny=${encodeURIComponent(created.entry)}#/collections/${created.collection}/entries/${created.entry}`);
    }
  } else
    showSaveProblem(
      (
        await response
          .clone()
          .json()
          .catch(() => ({}))
      ).error ?? `${response.status} ${response.statusText}`,
    );
  return response;
};

const PREVIEW_DELAY_MS = 400;

/**
 * The file an entry is saved as: its own path, or for a new entry its folder and identifier (an
 * indicator's or table's id, a new chapter's file name).
 */
function entryPath(entry, collection) {
  const path = entry.get("path");
  if (path) return path;
  const folder = collection.get("folder");
  const id = entry.getIn(["data", collection.get("identifier_field") || "id"]);
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

function problems(list, title, props) {
  return h(
    "section",
    { ...props, "aria-labelledby": props.id },
    h("h2", { id: props.id }, title),
    h(
      "ul",
      {},
      list.map((problem, i) =>
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

/**
 * The check's result for the unsaved entry: the problems this change would add (a save is refused),
 * then those the working copy had already (marked `known` by the server; they do not stop a save).
 */
function problemList(list) {
  const added = list.filter((problem) => !problem.known);
  const known = list.filter((problem) => problem.known);
  const count = (n) => (n === 1 ? "1 fejl" : `${n} fejl`);
  return h(
    "div",
    {},
    added.length > 0
      ? problems(added, `${count(added.length)} med denne ændring`, { className: "edit-problems", role: "alert", id: "edit-problems-title" })
      : h(
          "p",
          { className: "edit-ok", role: "status" },
          known.length === 0 ? "Ingen fejl: npm run check godkender indholdet med denne ændring." : "Ingen nye fejl: ændringen kan gemmes.",
        ),
    known.length > 0
      ? problems(known, `${count(known.length)}, der var der i forvejen (de hindrer ikke, at du gemmer)`, {
          className: "edit-problems edit-known",
          id: "edit-known-title",
        })
      : null,
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
    if (!path) return this.setState({ problems: [], waiting: true });
    const asked = this.props.entry;
    let result;
    try {
      result = await checkDraft(path, this.props.entry.get("data").toJS());
    } catch {
      result = { problems: [{ file: path, message: unreachable }], html: "" };
    }
    if (this.props.entry === asked)
      this.setState({ waiting: false, ...(result.problems ? result : { problems: [{ file: path, message: result.error ?? "" }], html: "" }) });
  },
  render() {
    const { problems, html, waiting } = this.state;
    return h(
      "main",
      { className: "edit-preview" },
      waiting
        ? h("p", { role: "status" }, "Forhåndsvisningen og tjekket kommer, når de påkrævede felter er udfyldt.")
        : problems === undefined
          ? h("p", { role: "status" }, "Tjekker …")
          : problemList(problems),
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
  const config = await (await fetch("/edit/config.json")).json();
  unreachable = messageText((await (await fetch("/edit/messages.json")).json()).unreachable);
  // Decap's notice of a failed save shows its error after "API_ERROR:" and only for 8 seconds: it
  // points to the panel (showSaveProblem), which keeps the whole message with its line breaks.
  const da = CMS.getLocale("da");
  // Its "＋" before "Ny …" buttons is a character the usual fonts lack (shown as a box).
  CMS.registerLocale("da", {
    ...da,
    collection: { ...da.collection, collectionTop: { ...da.collection.collectionTop, newButton: "Ny %{collectionLabel}" } },
    ui: { ...da.ui, toast: { ...da.ui.toast, onFailToPersist: "Ændringen er ikke gemt. Beskeden står nederst på siden." } },
  });
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
