// The host page's own script: a countdown and a "Help" link in the header that opens Lifeline.
const timer = document.querySelector('[data-timer]');
let remaining = 58 * 60 + 12;
const tick = () => {
  const minutes = String(Math.floor(remaining / 60)).padStart(2, '0');
  const seconds = String(remaining % 60).padStart(2, '0');
  if (timer) timer.textContent = `${minutes}:${seconds}`;
  remaining = Math.max(0, remaining - 1);
};
tick();
setInterval(tick, 1000);
document.querySelector('[data-open-help]')?.addEventListener('click', () => window.Lifeline?.('open'));
