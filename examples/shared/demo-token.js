// The demo's stand-in for a platform's backend. A real platform signs each candidate's token on its
// server, for the same candidate on every page; the demo asks its gateway for an anonymous one and keeps
// it in localStorage, so a reload and a second tab are the same candidate (and find its chat). When the
// token is near its end, or the chat says it has run out, the demo hands it back for a fresh one for the
// same candidate (the gateway keeps the candidate for a token expired up to two hours: docs/protocol.md).
// The exam the token names is the page's: this script tag's data-exam-* and data-phase attributes.
// An external script, so the strict-CSP page (no inline script) can use it too.
// The gateway's address is in <meta name="lifeline-gateway"> or on the loader's data-chat-url; with
// neither (no gateway running) the page offers no chat and this does nothing.
(function () {
  var meta = document.querySelector('meta[name="lifeline-gateway"]');
  var loader = document.querySelector('script[data-chat-url]');
  var gateway = meta ? meta.getAttribute('content') : loader && loader.getAttribute('data-chat-url');
  if (!gateway) return;
  var script = document.currentScript;
  var page = (script && script.dataset) || {};
  var STORAGE_KEY = 'lifeline-demo:candidate';
  // Renewed this long before it ends, so a chat never meets an expired token.
  var EARLY_MS = 2 * 60 * 1000;
  window.Lifeline = window.Lifeline || function () { (window.Lifeline.q = window.Lifeline.q || []).push(arguments); };

  function read() {
    try { return JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null') || {}; } catch (e) { return {}; }
  }
  function write(record) {
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify(record)); } catch (e) { /* storage blocked: this page keeps it */ }
  }
  var candidate = read();

  // The exam the page shows. Its start is fixed the first time this browser opens it (the page's timer
  // says the exam is under way), so a reload does not move it.
  function exam() {
    if (!page.examId || !page.examName) return undefined;
    var starts = candidate.examStarts || {};
    if (!starts[page.examId]) starts[page.examId] = new Date(Date.now() - Number(page.examStartedMinutesAgo || 0) * 60 * 1000).toISOString();
    candidate.examStarts = starts;
    return { id: page.examId, name: page.examName, start: starts[page.examId] };
  }

  var timer;
  function use(token, expiresAt) {
    window.Lifeline('setToken', token);
    clearTimeout(timer);
    timer = setTimeout(refreshToken, Math.max(0, Date.parse(expiresAt) - Date.now() - EARLY_MS));
  }

  function refreshToken() {
    var body = { previous: candidate.token, exam: exam(), phase: page.phase };
    fetch(gateway + '/v1/anonymous-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (!answer.token) return;
        candidate.token = answer.token;
        candidate.expiresAt = answer.expiresAt;
        candidate.declared = declared;
        write(candidate);
        use(answer.token, answer.expiresAt);
      })
      .catch(function () { /* the chat reports chat.unavailable; the exam goes on */ });
  }

  // Another tab renewed it: the same candidate, so this page takes the new token too.
  window.addEventListener('storage', function (event) {
    if (event.key !== STORAGE_KEY) return;
    candidate = read();
    if (candidate.token) use(candidate.token, candidate.expiresAt);
  });

  // A token for another exam or phase (another page) is handed back for one that says this page's.
  var declared = [page.examId, page.phase].join('|');
  if (candidate.token && candidate.declared === declared && Date.parse(candidate.expiresAt) - Date.now() > EARLY_MS) use(candidate.token, candidate.expiresAt);
  else refreshToken();
  window.Lifeline('on', 'error', function (error) { if (error.code === 'chat.unauthorized') refreshToken(); });
})();
