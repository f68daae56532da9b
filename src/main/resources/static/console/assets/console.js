// Operations console: the only script. Asks before a destructive form is sent (forms with data-confirm).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
