// Loads the text named in ?text= into the <pre>.
(async () => {
  const name = new URLSearchParams(location.search).get('text');
  document.getElementById('content').textContent = await (await fetch(name)).text();
  window.benchReady = true;
})();
