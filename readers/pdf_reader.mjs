// The PDF reader, served from the app's own origin (dist/pdfjs/reader.mjs, copied there by
// tools/pdfjs.py) and loaded by readers/src/pdf.rs only when the user opens a PDF. It loads
// pdf.js beside it, runs pdf.js's worker from the same folder, with eval off, no font faces,
// nothing fetched; and asks for a password when a PDF needs one. It sets
// `globalThis.gcmPdfReader` to `read` when it has run (a module script has no other way to
// answer). The loop over pages is here rather than in Rust: each await in the wasm costs
// first-load bytes, and this file is loaded only with a PDF.
//
// Text only: pages are never rendered, so pdf.js needs no CMaps, standard fonts or image
// decoders from anywhere.

const here = new URL("./", import.meta.url);
let lib = null;

// The password dialog's styles, beside this file.
document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("reader.css", here).href }));

/** pdf.js, imported once, with its worker from this folder. */
async function pdfjs() {
  if (lib === null) {
    lib = await import(new URL("pdf.min.mjs", here).href);
    lib.GlobalWorkerOptions.workerSrc = new URL("pdf.worker.min.mjs", here).href;
  }
  return lib;
}

/**
 * Opens a PDF from its bytes (a Uint8Array, handed over to pdf.js's worker). Resolves to the
 * pdf.js document. Rejects with an Error whose `name` says why: "cancelled" (the user
 * cancelled the password prompt), "invalid" (not a PDF, or too broken to read), or "other"
 * (with pdf.js's message).
 */
async function open(bytes, fileName) {
  const pdf = await pdfjs();
  const task = pdf.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: 0,
  });
  let cancelled = false;
  task.onPassword = (update, reason) => {
    const wrong = reason === pdf.PasswordResponses.INCORRECT_PASSWORD;
    askPassword(fileName, wrong).then((password) => {
      if (password === null) {
        cancelled = true;
        task.destroy();
      } else {
        update(password);
      }
    });
  };
  try {
    return await task.promise;
  } catch (e) {
    const out = new Error(e && e.message ? String(e.message) : String(e));
    out.name = cancelled ? "cancelled" : e && e.name === "InvalidPDFException" ? "invalid" : "other";
    throw out;
  }
}

/**
 * The text items of page `n` (from 1), flattened for the Rust side: `strs[i]` is item i's
 * text and `nums[5i..5i+5]` its x, y (the transform's e and f), width, height and hasEOL
 * (1 or 0), in PDF user-space units.
 */
async function pageItems(doc, n) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  const items = content.items.filter((it) => typeof it.str === "string");
  const strs = new Array(items.length);
  const nums = new Float64Array(items.length * 5);
  items.forEach((it, i) => {
    const t = it.transform;
    // Arabic presentation forms (the shaped glyphs' Unicode in Chromium's PDFs) as letters.
    strs[i] = it.str.replace(/[\ufb50-\ufdff\ufe70-\ufefe]+/g, (s) => s.normalize("NFKC"));
    nums.set([t[4], t[5], it.width, it.height || Math.hypot(t[2], t[3]), it.hasEOL ? 1 : 0], i * 5);
  });
  page.cleanup();
  return { strs, nums };
}

/**
 * Asks for a PDF's password in a modal dialog. Resolves to the password, or to null when the
 * user cancels (the Cancel button or Escape). `wrong` says that the last one was wrong.
 * Built with DOM calls only: the file name is text, never HTML.
 */
function askPassword(fileName, wrong) {
  return new Promise((resolve) => {
    const el = (tag, props) => Object.assign(document.createElement(tag), props);
    const dialog = el("dialog", { className: "pdf-password" });
    dialog.setAttribute("aria-labelledby", "pdf-password-title");
    const form = el("form");
    const title = el("p", {
      id: "pdf-password-title",
      textContent: `\u201c\u2068${fileName}\u2069\u201d is protected by a password.`,
    });
    const note = el("p", {
      className: wrong ? "pdf-password-wrong" : "",
      textContent: wrong ? "That password is wrong. Try again, or cancel." : "Type its password to open it.",
    });
    note.setAttribute("role", wrong ? "alert" : "status");
    const label = el("label", { textContent: "Password " });
    const input = el("input", { type: "password", autocomplete: "off", required: true });
    label.append(input);
    const ok = el("button", { type: "submit", className: "primary", textContent: "Open" });
    const cancel = el("button", { type: "button", textContent: "Cancel" });
    const buttons = el("div", { className: "pdf-password-buttons" });
    buttons.append(ok, cancel);
    form.append(title, note, label, buttons);
    dialog.append(form);
    let done = false;
    const finish = (value) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      finish(input.value);
    });
    cancel.addEventListener("click", () => finish(null));
    // Escape closes the dialog (its "close" event), and does not cancel the reading behind it.
    dialog.addEventListener("keydown", (e) => {
      if (e.key === "Escape") e.stopPropagation();
    });
    dialog.addEventListener("close", () => finish(null));
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}

/**
 * Reads a whole PDF, page by page: `onPage(items, n, count)` gets each page's
 * `{ strs, nums }` (see pageItems) and returns false to stop (the user cancelled). Resolves
 * when every page is read; rejects like `open`, or with name "stopped", or "page" with pdf.js's
 * message when a page cannot be read.
 */
async function read(bytes, fileName, onPage) {
  const doc = await open(bytes, fileName);
  try {
    const count = doc.numPages;
    if (!onPage(null, 0, count)) throw named("stopped", "");
    for (let n = 1; n <= count; n++) {
      let items;
      try {
        items = await pageItems(doc, n);
      } catch (e) {
        throw named("page", `page ${n}: ${e && e.message ? e.message : e}`);
      }
      if (!onPage(items, n, count)) throw named("stopped", "");
    }
  } finally {
    doc.destroy();
  }
}

/** An Error with this name. */
function named(name, message) {
  const e = new Error(message);
  e.name = name;
  return e;
}

globalThis.gcmPdfReader = read;
