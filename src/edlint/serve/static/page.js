// edlint desk: sends the draft to /v1/check, shows the sanitised rendering the server made
// (findings already marked in it) and the findings grouped by family. Text from the server
// is always set with textContent; only `rendered.html`, sanitised by the server, is HTML.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { text: "", format: "markdown", path: "", findings: [], current: -1, explained: {} };

  function token() {
    return sessionStorage.getItem("edlint-token") || "";
  }

  async function api(method, url, body) {
    const headers = { "Content-Type": "application/json" };
    if (token()) headers["Authorization"] = "Bearer " + token();
    const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      const message = data && data.error ? data.error.message : "HTTP " + response.status;
      throw new Error(message);
    }
    return data;
  }

  function say(message) { $("status").textContent = message; }

  function draftBody() {
    const body = { text: state.text, format: state.format, render: true };
    if (state.path) body.path = state.path;
    return body;
  }

  async function check() {
    state.text = $("draft").value;
    state.format = $("format").value;
    state.path = $("path").value.trim();
    if (!state.text.trim()) { say("The draft is empty."); return; }
    say("Checking…");
    try {
      show(await api("POST", "/v1/check", draftBody()));
      $("results").scrollIntoView({ block: "start" });
    } catch (e) { say("Could not check: " + e.message); }
  }

  async function applyFix(ids) {
    if ($("draft").value !== state.text) {
      // Fix ids name findings of the checked text; edits made since would be overwritten.
      say("The text changed since it was checked: check it again, then apply the fix.");
      return;
    }
    say("Applying…");
    const body = draftBody();
    if (ids) body.fixes = ids;
    try {
      const out = await api("POST", "/v1/fix", body);
      state.text = out.text;
      $("draft").value = out.text;
      show(out);
      const skipped = (out.skipped || []).map((s) => s.reason);
      say((out.changed ? "Applied " + out.applied + " fix(es). " : "Nothing changed. ") + skipped.concat(out.notes || []).join(" "));
    } catch (e) { say("Could not apply the fix: " + e.message); }
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function marksOf(index) {
    return document.querySelectorAll('#rendered mark[data-f~="' + index + '"]');
  }

  function show(report) {
    state.findings = report.findings;
    state.current = -1;
    $("results").hidden = false;
    $("rendered").innerHTML = report.rendered ? report.rendered.html : "";
    for (const mark of $("rendered").querySelectorAll("mark[data-f]")) {
      mark.addEventListener("click", () => select(Number(mark.dataset.f.split(" ")[0]), true));
    }
    const unplaced = new Set(report.rendered ? report.rendered.unplaced : []);
    const groups = $("groups");
    groups.textContent = "";
    const byFamily = new Map();
    report.findings.forEach((f, i) => {
      if (!byFamily.has(f.family)) byFamily.set(f.family, []);
      byFamily.get(f.family).push(i);
    });
    for (const family of [...byFamily.keys()].sort()) {
      const section = el("section", { "aria-label": family });
      section.appendChild(el("h3", {}, family + " (" + byFamily.get(family).length + ")"));
      const list = el("ol");
      for (const i of byFamily.get(family)) list.appendChild(item(report.findings[i], i, unplaced.has(i)));
      section.appendChild(list);
      groups.appendChild(section);
    }
    const s = report.summary.by_severity;
    $("summary").textContent = report.findings.length
      ? report.findings.length + " finding(s): " + s.error + " error(s), " + s.warning + " warning(s), " + s.info + " info."
      : "No findings.";
    say("Checked: " + $("summary").textContent);
  }

  function item(f, i, unplaced) {
    const li = el("li", { class: "finding", id: "finding-" + i, "data-sev": f.severity });
    const go = el("button", { type: "button", class: "go", "data-index": String(i) });
    go.appendChild(el("span", { class: "sev sev-" + f.severity }, f.severity));
    go.appendChild(document.createTextNode(f.message + " "));
    go.appendChild(el("span", { class: "rule" }, f.rule));
    go.addEventListener("click", () => select(i, false));
    li.appendChild(go);
    li.appendChild(el("div", { class: "where" }, "Line " + f.line + ", column " + f.column + (unplaced ? " (not in the rendered text)" : "")));
    const why = el("details");
    why.appendChild(el("summary", {}, "Why? (" + f.rule + ")"));
    why.addEventListener("toggle", () => explain(why, f.rule));
    li.appendChild(why);
    if (f.fix && f.fix.edits && f.fix.edits.length) {
      const button = el("button", { type: "button", class: "fix" }, "Apply fix: " + f.fix.title + " (" + f.fix.applicability + ")");
      button.addEventListener("click", () => applyFix([f.id]));
      li.appendChild(button);
    }
    return li;
  }

  async function explain(details, rule) {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = "1";
    const pre = el("pre", {}, "Loading…");
    details.appendChild(pre);
    try {
      if (!state.explained[rule]) state.explained[rule] = await api("GET", "/v1/rules/" + encodeURIComponent(rule));
      pre.textContent = state.explained[rule].explanation;
    } catch (e) { pre.textContent = "Could not load the explanation: " + e.message; }
  }

  function select(i, fromText) {
    if (i < 0 || i >= state.findings.length) return;
    for (const node of document.querySelectorAll(".current")) node.classList.remove("current");
    state.current = i;
    const li = $("finding-" + i);
    li.classList.add("current");
    const marks = marksOf(i);
    marks.forEach((m) => m.classList.add("current"));
    if (marks.length) marks[0].scrollIntoView({ block: "center" });
    if (fromText) li.scrollIntoView({ block: "nearest" });
    li.querySelector(".go").focus({ preventScroll: !fromText });
    const f = state.findings[i];
    say("Finding " + (i + 1) + " of " + state.findings.length + ": " + f.message);
  }

  function download() {
    const ext = { markdown: ".md", html: ".html", text: ".txt" }[state.format];
    const name = (state.path.split("/").pop() || "draft" + ext);
    const link = el("a", { href: URL.createObjectURL(new Blob([state.text], { type: "text/plain" })), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    say("Downloaded " + name + ".");
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(state.text);
    } catch (e) {
      const area = $("draft");
      area.value = state.text;
      area.select();
      document.execCommand("copy");
    }
    say("The edited text is on the clipboard.");
  }

  function guessFormat(name) {
    if (/\.(md|markdown)$/i.test(name)) return "markdown";
    if (/\.html?$/i.test(name)) return "html";
    return "text";
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("token").value = token();
    $("token").addEventListener("change", () => sessionStorage.setItem("edlint-token", $("token").value));
    $("draft-form").addEventListener("submit", (e) => { e.preventDefault(); check(); });
    $("fix-all").addEventListener("click", () => applyFix(null));
    $("copy").addEventListener("click", copy);
    $("download").addEventListener("click", download);
    $("upload").addEventListener("change", async () => {
      const file = $("upload").files[0];
      if (!file) return;
      $("draft").value = await file.text();
      $("format").value = guessFormat(file.name);
      say("Loaded " + file.name + ".");
    });
    $("open-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      try {
        const got = await api("GET", "/v1/open?path=" + encodeURIComponent($("open-path").value));
        $("draft").value = got.text;
        $("format").value = got.format;
        $("path").value = got.path;
        await check();
      } catch (err) { say("Could not open: " + err.message); }
    });
    document.addEventListener("keydown", (e) => {
      const typing = /^(TEXTAREA|INPUT|SELECT)$/.test(e.target.tagName);
      if (typing || e.ctrlKey || e.metaKey || e.altKey || !state.findings.length) return;
      if (e.key === "n" || e.key === "j") { e.preventDefault(); select(Math.min(state.current + 1, state.findings.length - 1), false); }
      if (e.key === "p" || e.key === "k") { e.preventDefault(); select(Math.max(state.current - 1, 0), false); }
    });
  });
})();
