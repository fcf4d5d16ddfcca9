// The demo's stand-in for a platform's backend. A real platform signs each candidate's token on its
// server; the demo asks its gateway for an anonymous one, and again whenever the chat says the token
// has run out. An external script, so the strict-CSP page (no inline script) can use it too.
// The gateway's address is in <meta name="lifeline-gateway"> or on the loader's data-chat-url; with
// neither (no gateway running) the page offers no chat and this does nothing.
(function () {
  var meta = document.querySelector('meta[name="lifeline-gateway"]');
  var loader = document.querySelector('script[data-chat-url]');
  var gateway = meta ? meta.getAttribute('content') : loader && loader.getAttribute('data-chat-url');
  if (!gateway) return;
  window.Lifeline = window.Lifeline || function () { (window.Lifeline.q = window.Lifeline.q || []).push(arguments); };
  function refreshToken() {
    fetch(gateway + '/v1/anonymous-token', { method: 'POST' })
      .then(function (response) { return response.json(); })
      .then(function (answer) { if (answer.token) window.Lifeline('setToken', answer.token); })
      .catch(function () { /* the chat reports chat.unavailable; the exam goes on */ });
  }
  refreshToken();
  window.Lifeline('on', 'error', function (error) { if (error.code === 'chat.unauthorized') refreshToken(); });
})();
