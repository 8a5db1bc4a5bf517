// Loads the text named in ?text=, then creates the annotator over it. The benchmark drives
// it through window.anno (setAnnotations, clearAnnotations, getAnnotations).
(async () => {
  const name = new URLSearchParams(location.search).get('text');
  const text = await (await fetch(name)).text();
  const content = document.getElementById('content');
  content.textContent = text;
  window.anno = RecogitoJS.createTextAnnotator(content);
  window.benchReady = true;
})();
