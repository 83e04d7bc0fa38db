// congvan serve: the form is built from the JSON Schema of the input (/api/schema);
// the form and the YAML editor are kept in step through /api/validate, which also
// says what is wrong, field by field. No build step, no library.
"use strict";

const $ = (selector) => document.querySelector(selector);
const page = { schema: null, defs: {}, kinds: [], data: {}, timer: null, yamlTimer: null, seq: 0,
               preview: { busy: false, again: false }, problems: [] };

// ---------- the schema

function resolve(s) {
  while (s && s.$ref) {
    const { $ref, ...rest } = s;
    s = { ...page.defs[$ref.split("/").pop()], ...rest };
  }
  return s || {};
}
const isBien = (s) => s && s.$ref === "#/$defs/Bien";

function branches(s) {
  s = resolve(s);
  if (s.anyOf) return s.anyOf.filter((b) => !isBien(b)).flatMap(branches).filter((b) => b.type !== "null");
  return [s];
}

function widget(prop, key) {
  if (key === "noi_dung") return "body";
  const all = branches(prop);
  if (all.some((b) => b.enum)) return "select";
  const list = all.find((b) => b.type === "array");
  if (list) return list.items && list.items.$ref === "#/$defs/Dieu" ? "articles" : "lines";
  const object = all.find((b) => b.type === "object" && b.properties);
  if (object && object.properties.nam) return "date";
  if (object && !all.some((b) => b.type === "string")) return "object";
  if (all.some((b) => b.type === "integer")) return "number";
  return "text";
}

// The label is the description's first clause; the rest of it is the help below.
function splitDescription(text, key) {
  text = text || "";
  let depth = 0, quote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "«") depth++;
    else if (c === ")" || c === "»") depth--;
    else if (c === "'") quote = !quote;
    else if (!depth && !quote && ";.:".includes(c) && (i + 1 === text.length || text[i + 1] === " ")) {
      const head = text.slice(0, i).trim();
      return [capital(head), text.slice(i + 1).trim()];
    }
  }
  return [capital(text.trim() || key), ""];
}
const capital = (t) => t.charAt(0).toUpperCase() + t.slice(1);

// What the kind of document requires and forbids (the schema's allOf if/then).
function kindRules(loai) {
  const required = new Set(page.schema.required || []), forbidden = new Set();
  for (const rule of page.schema.allOf || []) {
    const pattern = rule.if.properties.loai.pattern;
    if (!new RegExp(pattern).test(loai || "cong_van")) continue;
    (rule.then.required || []).forEach((n) => required.add(n));
    Object.keys(rule.then.properties || {}).forEach((n) => forbidden.add(n));
  }
  return { required, forbidden };
}

// Fields the page does not take: they name files of the server.
const HIDDEN = new Set(["bien", "layout", "nguoi_ky.chu_ky", "nguoi_ky.con_dau"]);

// ---------- data paths: ["nguoi_ky", "ho_ten"] ⇄ "nguoi_ky.ho_ten", ["kinh_gui", 1] ⇄ "kinh_gui[1]"

function pathText(path) {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : (out ? "." : "") + part;
  return out;
}
function getAt(path) {
  let node = page.data;
  for (const part of path) { if (node == null) return undefined; node = node[part]; }
  return node;
}
function setAt(path, value) {
  let node = page.data;
  for (let i = 0; i < path.length - 1; i++) {
    if (node[path[i]] == null || typeof node[path[i]] !== "object") node[path[i]] = typeof path[i + 1] === "number" ? [] : {};
    node = node[path[i]];
  }
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last]; else node[last] = value;
}

// What is sent: blank texts, empty lists and empty groups left out.
function clean(value) {
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) { const c = clean(v); if (c !== undefined) out[k] = c; }
    return Object.keys(out).length ? out : undefined;
  }
  if (typeof value === "string" && !value.trim()) return undefined;
  return value;
}

// ---------- the form

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) if (child != null) node.append(child);
  return node;
}

function renderForm() {
  const form = $("#form");
  form.replaceChildren();
  const rules = kindRules(page.data.loai);
  for (const [key, prop] of Object.entries(page.schema.properties)) {
    if (HIDDEN.has(key) || rules.forbidden.has(key)) continue;
    form.append(field([key], prop, rules.required.has(key)));
  }
  showProblems(page.problems);
}

function field(path, prop, required) {
  const key = path[path.length - 1];
  const [label, help] = splitDescription(resolve(prop).description || prop.description, key);
  const kind = widget(prop, key);
  const id = "f-" + pathText(path).replace(/[^\w-]/g, "_");
  const box = el("div", { class: "field", "data-path": pathText(path), "data-widget": kind });
  if (kind === "object") {
    const set = el("fieldset", { "data-path": pathText(path) }, el("legend", {}, label));
    if (help) set.append(el("p", { class: "help" }, help));
    const inner = resolve(branches(prop).find((b) => b.type === "object"));
    for (const [sub, subProp] of Object.entries(inner.properties)) {
      if (HIDDEN.has(pathText([...path, sub]))) continue;
      set.append(field([...path, sub], subProp, (inner.required || []).includes(sub)));
    }
    box.append(set);
    return box;
  }
  box.append(el("label", { for: id, title: prop.description || "" }, label, required ? el("span", { class: "required" }, " *") : null));
  if (help) box.append(el("p", { class: "help" }, help));
  box.append(WIDGETS[kind](path, prop, id));
  return box;
}

const changed = () => { clearTimeout(page.timer); page.timer = setTimeout(formChanged, 250); };

function textInput(path, id, show = (v) => (v == null ? "" : String(v)), read = (t) => t) {
  return el("input", { type: "text", id, name: pathText(path), value: show(getAt(path)),
    oninput: (e) => { setAt(path, read(e.target.value)); changed(); } });
}

function showDate(v) {
  if (v && typeof v === "object") {
    const two = (n) => String(n).padStart(2, "0");
    if (v.ngay) return `${two(v.ngay)}/${two(v.thang)}/${v.nam}`;
    return v.thang ? `${two(v.thang)}/${v.nam}` : String(v.nam || "");
  }
  return v == null ? "" : String(v);
}
function readDate(t) {
  let m = t.match(/^\s*(\d{1,2})\/(\d{4})\s*$/);
  if (m) return { thang: Number(m[1]), nam: Number(m[2]) };   // a draft: month and year
  m = t.match(/^\s*(\d{4})\s*$/);
  if (m) return { nam: Number(m[1]) };
  return t;
}

const WIDGETS = {
  text: (path, prop, id) => textInput(path, id),
  number: (path, prop, id) => textInput(path, id, undefined, (t) => (/^\s*\d{1,9}\s*$/.test(t) ? Number(t) : t)),
  date: (path, prop, id) => textInput(path, id, showDate, readDate),
  select: (path, prop, id) => {
    const key = path[path.length - 1];
    const values = branches(prop).find((b) => b.enum).enum.filter((v) => key === "loai" || v === v.toUpperCase());
    const names = Object.fromEntries(page.kinds.map((k) => [k.loai, k.ten]));
    const current = getAt(path) || (key === "loai" ? "cong_van" : "");
    const select = el("select", { id, name: pathText(path), onchange: (e) => {
      setAt(path, e.target.value || undefined);
      if (key === "loai") renderForm();
      changed();
    } }, key === "loai" ? null : el("option", { value: "" }, "— không —"),
    values.map((v) => el("option", { value: v, selected: String(current).toLowerCase() === v.toLowerCase() }, names[v] || v)));
    return select;
  },
  lines: (path, prop, id) => rows(path, id, (rowPath, rowId) => textInput(rowPath, rowId), ""),
  articles: (path, prop, id) => rows(path, id, (rowPath, rowId) => {
    const item = getAt(rowPath);
    if (typeof item === "string") setAt(rowPath, { noi_dung: item });
    const both = el("div", { class: "article" },
      textInput([...rowPath, "tieu_de"], rowId + "-t"),
      el("textarea", { id: rowId, name: pathText(rowPath) + ".noi_dung", rows: 3,
        oninput: (e) => { setAt([...rowPath, "noi_dung"], e.target.value); changed(); } }, (getAt(rowPath) || {}).noi_dung || ""));
    both.firstChild.placeholder = "tiêu đề điều (tùy chọn)";
    return both;
  }, {}),
  body: (path, prop, id) => {
    const value = getAt(path);
    const holder = el("div", { class: "body" });
    if (Array.isArray(value)) {
      holder.append(outline(path, id),
        el("button", { type: "button", class: "add", onclick: () => {
          if (value.every((v) => typeof v === "string")) { setAt(path, value.join("\n")); renderForm(); changed(); }
          else alert("Dàn ý có mục lồng nhau: sửa trong ô YAML để viết lại thành văn bản tự do.");
        } }, "Viết thành văn bản tự do"));
    } else {
      holder.append(el("textarea", { id, name: pathText(path), rows: 10,
        oninput: (e) => { setAt(path, e.target.value); changed(); } }, value || ""),
        el("button", { type: "button", class: "add", onclick: () => {
          const lines = String(getAt(path) || "").split("\n").filter((l) => l.trim());
          setAt(path, lines.length ? lines : [""]); renderForm(); changed();
        } }, "Viết theo dàn ý (tự đánh số)"));
    }
    return holder;
  },
};

function rows(path, id, make, blank) {
  let value = getAt(path);
  if (value != null && !Array.isArray(value)) { value = [value]; setAt(path, value); }
  const list = el("div", { class: "rows", id });
  (value || []).forEach((_, i) => {
    const rowPath = [...path, i];
    list.append(el("div", { class: "row", "data-path": pathText(rowPath) }, make(rowPath, `${id}-${i}`),
      el("button", { type: "button", class: "remove", title: "Bỏ dòng này", "aria-label": "Bỏ dòng này",
        onclick: () => { getAt(path).splice(i, 1); renderForm(); changed(); } }, "×")));
  });
  list.append(el("button", { type: "button", class: "add", "data-add": pathText(path), onclick: () => {
    const items = getAt(path) || [];
    items.push(typeof blank === "object" ? { ...blank } : blank);
    setAt(path, items); renderForm();
    const inputs = document.querySelectorAll(`[data-path="${pathText(path)}[${items.length - 1}]"] input, [data-path="${pathText(path)}[${items.length - 1}]"] textarea`);
    if (inputs.length) inputs[0].focus();
  } }, "+ Thêm dòng"));
  return list;
}

// The outline of the body: paragraphs, and items numbered by congvan (Phần, Mục, khoản, điểm, gạch).
const OUTLINE = [["", "Đoạn văn"], ["phan", "Phần"], ["muc", "Mục (I.)"], ["khoan", "Khoản (1.)"], ["diem", "Điểm (a)"], ["gach", "Gạch đầu dòng"]];

function outline(path, id) {
  const list = el("div", { class: "rows outline", id });
  (getAt(path) || []).forEach((item, i) => {
    const rowPath = [...path, i];
    const kind = item && typeof item === "object" ? OUTLINE.map((o) => o[0]).find((k) => k && k in item) || (item.bang ? "bang" : "") : "";
    const row = el("div", { class: "row", "data-path": pathText(rowPath) });
    if (kind === "bang") {
      row.append(el("span", {}, "Bảng (sửa trong ô YAML)"));
    } else {
      const text = kind ? item[kind] : item;
      row.append(el("select", { "aria-label": "loại mục", onchange: (e) => {
        const next = e.target.value, title = kind ? item[kind] : item;
        const children = kind ? item.noi_dung : undefined;
        setAt(rowPath, next ? { [next]: title || "", ...(children ? { noi_dung: children } : {}) } : title || "");
        renderForm(); changed();
      } }, OUTLINE.map(([k, name]) => el("option", { value: k, selected: k === kind }, name))),
      el("textarea", { id: `${id}-${i}`, rows: 2, oninput: (e) => {
        if (kind) item[kind] = e.target.value; else setAt(rowPath, e.target.value);
        changed();
      } }, text || ""));
    }
    row.append(el("button", { type: "button", class: "remove", title: "Bỏ mục này", onclick: () => {
      getAt(path).splice(i, 1); renderForm(); changed(); } }, "×"));
    list.append(row);
    if (kind && kind !== "bang") {
      const children = el("div", { class: "children" }, outline([...rowPath, "noi_dung"], `${id}-${i}-c`));
      list.append(children);
    }
  });
  list.append(el("button", { type: "button", class: "add", onclick: () => {
    const items = getAt(path) || [];
    items.push(""); setAt(path, items); renderForm();
  } }, "+ Thêm mục"));
  return list;
}

// ---------- problems on their fields

function showProblems(problems) {
  page.problems = problems || [];
  document.querySelectorAll("#form .error").forEach((n) => n.remove());
  document.querySelectorAll("#form .invalid").forEach((n) => n.classList.remove("invalid"));
  const top = $("#problems");
  top.replaceChildren();
  for (const p of page.problems) {
    top.append(el("li", {}, p.text));
    const target = findField(p.field);
    if (target) {
      target.classList.add("invalid");
      target.append(el("div", { class: "error", "data-error-for": p.field || "" }, p.message));
    }
  }
}

function findField(field) {
  let path = field || "";
  while (path) {
    const found = document.querySelector(`#form [data-path="${CSS.escape(path)}"]`);
    if (found) return found.tagName === "FIELDSET" ? found.parentElement : found;
    path = path.replace(/(\[\d+\]|\.?[^.[\]]+)$/, "");
  }
  return null;
}

function showWarnings(warnings) {
  $("#warnings").replaceChildren(...(warnings || []).map((w) => el("li", {}, "Cảnh báo: " + w)));
}

function setStatus(text, kind) {
  const status = $("#status");
  status.textContent = text;
  status.className = "status " + (kind || "");
}

// ---------- talking to the server

async function post(url, body) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  let json = null;
  try { json = await response.json(); } catch (e) { json = { ok: false, error: "trả lời của máy chủ không đọc được" }; }
  return json;
}

function current() {
  return { text: $("#yaml").value, format: "yaml", kem_theo_rieng: $("#kem-theo-rieng").checked };
}

async function formChanged() {
  const seq = ++page.seq;
  const answer = await post("/api/validate", { data: clean(page.data) || {}, kem_theo_rieng: $("#kem-theo-rieng").checked });
  if (seq !== page.seq) return;   // a newer change is on its way
  if (answer.text !== undefined) $("#yaml").value = answer.text;
  judged(answer);
}

async function yamlChanged(format = "yaml") {
  const seq = ++page.seq;
  const answer = await post("/api/validate", { text: $("#yaml").value, format, kem_theo_rieng: $("#kem-theo-rieng").checked });
  if (seq !== page.seq) return;
  if (answer.data) {
    page.data = answer.data;
    if (answer.text !== undefined) $("#yaml").value = answer.text;
    page.problems = answer.problems || [];
    renderForm();
  }
  judged(answer);
}

function judged(answer) {
  showOwnFiles(answer.ok ? answer.tep_rieng || [] : []);
  showProblems(answer.problems || []);
  showWarnings(answer.warnings);
  if (answer.error) setStatus(answer.error, "bad");
  else if (answer.ok) { setStatus("Dữ liệu hợp lệ.", "ok"); schedulePreview(); }
  else setStatus(`${(answer.problems || []).length} lỗi: sửa ở các trường tô đỏ.`, "bad");
  if (!answer.ok) $("#preview").classList.add("stale");
}

async function schedulePreview() {
  const state = page.preview;
  if (state.busy) { state.again = true; return; }
  state.busy = true;
  $("#preview-status").textContent = "(đang tạo…)";
  try {
    const answer = await post("/api/preview", current());
    if (answer.ok) {
      $("#preview").replaceChildren(...answer.pages.map((src, i) => el("img", { src, alt: `Trang ${i + 1}`, class: "page" })));
      $("#preview").classList.remove("stale");
      $("#preview-status").textContent = `(${answer.pages.length} trang)`;
    } else {
      $("#preview-status").textContent = answer.error ? `(${answer.error})` : "";
    }
  } finally {
    state.busy = false;
    if (state.again) { state.again = false; schedulePreview(); }
  }
}

// The files of their own the data makes (an electronic phụ lục, Mẫu 2.2; the văn bản
// kèm theo, Mẫu 1.3), each downloaded on its own, beside the document.
function showOwnFiles(files) {
  $("#tep-rieng").replaceChildren(...files.flatMap((f) => [
    el("button", { type: "button", title: f.ten, onclick: () => download("docx", f.tep) }, `${f.tep} DOCX`),
    el("button", { type: "button", title: f.ten, onclick: () => download("pdf", f.tep) }, `${f.tep} PDF`),
  ]));
}

async function download(fmt, tep) {
  const response = await fetch(tep ? `/api/download/${fmt}/${tep}` : `/api/download/${fmt}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(current()) });
  if (!response.ok) {
    const answer = await response.json().catch(() => ({ error: "không tải được" }));
    if (answer.problems) judged(answer); else setStatus(answer.error || "không tải được", "bad");
    return;
  }
  const blob = await response.blob();
  const disposition = response.headers.get("Content-Disposition") || "";
  const match = disposition.match(/filename\*=UTF-8''([^;]+)/);
  const name = match ? decodeURIComponent(match[1]) : `cong-van.${fmt}`;
  const link = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// ---------- check of a DOCX

async function checkDocx(file) {
  const report = $("#report");
  report.replaceChildren(el("p", {}, `Đang kiểm tra ${file.name}…`));
  const body = new FormData();
  body.append("tep", file, file.name);
  const response = await fetch("/api/check", { method: "POST", body });
  const answer = await response.json().catch(() => ({ error: "trả lời của máy chủ không đọc được" }));
  if (answer.error) { report.replaceChildren(el("p", { class: "error" }, answer.error)); return; }
  const r = answer.report;
  const kinds = Object.fromEntries(page.kinds.map((k) => [k.loai, k.ten]));
  report.replaceChildren(el("p", { class: "summary" },
    `${r.file}${kinds[r.kind] ? " (" + kinds[r.kind] + ")" : ""}: ${r.errors} lỗi, ${r.warnings} cảnh báo`));
  if (answer.pages_note) report.append(el("p", { class: "hint" }, answer.pages_note));
  const names = { error: "Lỗi", warning: "Cảnh báo", info: "Ghi chú" };
  for (const f of r.findings) {
    const where = [f.page ? `trang ${f.page}` : "", f.paragraph != null ? `đoạn ${f.paragraph}` : ""].filter(Boolean).join(", ");
    const picture = f.page && answer.pages[f.page - 1];
    report.append(el("div", { class: "finding", "data-rule": f.rule },
      el("div", {},
        el("div", {}, el("span", { class: "sev-" + f.severity }, names[f.severity] + ": "), `${f.component}: ${f.message}`),
        el("div", { class: "section" }, `[${f.section}]`),
        where || f.text ? el("div", { class: "where" }, [where, f.text ? `«${f.text.slice(0, 80)}»` : ""].filter(Boolean).join(" ")) : null),
      picture ? el("img", { src: picture, alt: `Trang ${f.page}` }) : el("div")));
  }
  if (!r.findings.length) report.append(el("p", {}, "Đúng thể thức Nghị định 30/2020/NĐ-CP ở mọi điểm đã kiểm tra."));
}

// ---------- mail merge: the editor's template and a table → a ZIP

async function mailMerge() {
  const file = $("#bang").files[0], errors = $("#loi-tron"), bar = $("#tien-do"), said = $("#tien-do-chu");
  errors.replaceChildren();
  if (!file) { said.textContent = "Chọn bảng dữ liệu (.csv hoặc .xlsx) trước."; return; }
  const body = new FormData();
  body.append("mau", $("#yaml").value);
  body.append("dinh_dang", $("#dinh-dang").value);
  body.append("bang", file, file.name);
  bar.value = 0;
  said.textContent = "Đang trộn…";
  const response = await fetch("/api/merge", { method: "POST", body });
  if (!response.ok) {
    const answer = await response.json().catch(() => ({ error: "trả lời của máy chủ không đọc được" }));
    said.textContent = "Không trộn được.";
    const lines = answer.problems ? answer.problems.map((p) => "mẫu, " + p.text) : String(answer.error).split("\n");
    errors.replaceChildren(...lines.map((l) => el("li", {}, l)));
    return;
  }
  const reader = response.body.getReader(), decoder = new TextDecoder();
  let buffer = "", total = 0, failed = 0;
  const take = (m) => {
    if (m.tong !== undefined) { total = m.tong; bar.max = total; }
    if (m.xong !== undefined) { bar.value = m.xong; said.textContent = `${m.xong}/${total} văn bản`; }
    if (m.loi && m.xong !== undefined && m.loi.length) { failed++; m.loi.forEach((l) => errors.append(el("li", {}, l))); }
    if (m.zip !== undefined) {
      const bytes = Uint8Array.from(atob(m.zip), (c) => c.charCodeAt(0));
      const link = el("a", { href: URL.createObjectURL(new Blob([bytes], { type: "application/zip" })), download: m.ten });
      document.body.append(link); link.click(); link.remove();
      said.textContent = `Xong: ${total - failed} văn bản, ${failed} dòng lỗi.`;
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n")) >= 0) { take(JSON.parse(buffer.slice(0, end))); buffer = buffer.slice(end + 1); }
  }
}

// ---------- start

async function start() {
  const [schema, starters] = await Promise.all([fetch("/api/schema").then((r) => r.json()), fetch("/api/mau").then((r) => r.json())]);
  page.schema = schema;
  page.defs = schema.$defs;
  page.kinds = starters.loai;
  for (const m of starters.mau) $("#mau").append(el("option", { value: m.ten }, m.mo_ta));
  renderForm();
  setStatus("Điền biểu mẫu, sửa tệp dữ liệu bên cạnh, hoặc chọn một văn bản mẫu.");

  $("#yaml").addEventListener("input", () => { clearTimeout(page.yamlTimer); page.yamlTimer = setTimeout(() => yamlChanged(), 400); });
  $("#mau").addEventListener("change", async (e) => {
    if (!e.target.value) return;
    const answer = await fetch(`/api/mau/${encodeURIComponent(e.target.value)}`).then((r) => r.json());
    $("#yaml").value = answer.text;
    yamlChanged();
  });
  $("#mo-tep").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    $("#yaml").value = await file.text();
    yamlChanged(file.name.split(".").pop().toLowerCase());
    e.target.value = "";
  });
  document.querySelectorAll("[data-download]").forEach((b) => b.addEventListener("click", () => download(b.dataset.download)));
  document.querySelectorAll("nav .tab").forEach((tab) => tab.addEventListener("click", () => {
    document.querySelectorAll("nav .tab, .panel").forEach((n) => n.classList.remove("active"));
    tab.classList.add("active");
    $("#" + tab.dataset.tab).classList.add("active");
    $("#tools").style.visibility = tab.dataset.tab === "soan" ? "visible" : "hidden";
  }));
  const drop = $("#drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault(); drop.classList.remove("over");
    if (e.dataTransfer.files[0]) checkDocx(e.dataTransfer.files[0]);
  });
  $("#tep-docx").addEventListener("change", (e) => { if (e.target.files[0]) checkDocx(e.target.files[0]); e.target.value = ""; });
  $("#tron").addEventListener("click", mailMerge);
  $("#kem-theo-rieng").addEventListener("change", () => yamlChanged());
  document.body.dataset.ready = "1";
}

start();
