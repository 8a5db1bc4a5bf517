// The PDF floor: on the file's choice, imports pdf.js from pdfjs/ (the same two files the app
// serves from dist/pdfjs/), opens the PDF with the options of readers/pdf_reader.mjs, calls
// getTextContent() on every page in turn, joins the items' strings (a line break after an
// item that ends a line, a blank line between pages) and puts the text into the <pre>. No
// paragraphs, no running headers taken out, no app: the least reading a PDF's text can cost.
// pdf.js is imported at the choice, as the app imports it at its first PDF.
const input = document.getElementById('file-input');
input.addEventListener('change', async () => {
  const file = input.files[0];
  const lib = await import(new URL('pdfjs/pdf.min.mjs', location.href).href);
  lib.GlobalWorkerOptions.workerSrc = new URL('pdfjs/pdf.worker.min.mjs', location.href).href;
  const data = new Uint8Array(await file.arrayBuffer());
  const doc = await lib.getDocument({
    data,
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
  }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => (it.str ?? '') + (it.hasEOL ? '\n' : '')).join(''));
    page.cleanup();
  }
  window.benchPages = doc.numPages;
  doc.destroy();
  document.getElementById('content').textContent = pages.join('\n\n');
});
window.benchReady = true;
