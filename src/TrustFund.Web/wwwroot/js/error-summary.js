// Moves focus to the error summary when a form comes back with errors, so screen readers announce it.
// Progressive enhancement: without JavaScript the summary is still first in the form.
(function () {
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
        summary.focus();
    }
})();
