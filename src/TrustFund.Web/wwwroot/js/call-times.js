// Progressive enhancement for call deadlines: shows <time data-local-time> in the visitor's own time
// zone and keeps [data-countdown] ticking. Without JavaScript the server's text (UTC, "closes in N days") stays.
(function () {
    var lang = document.documentElement.lang || undefined;
    // Arabic pages write Western digits and Gregorian dates, as the server does (Languages.AsTheFundWrites).
    if (lang && /^ar(-|$)/i.test(lang)) {
        lang = lang + '-u-nu-latn-ca-gregory';
    }
    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        zone = undefined;
    }

    document.querySelectorAll('time[data-local-time]').forEach(function (element) {
        var instant = new Date(element.getAttribute('datetime'));
        if (isNaN(instant.getTime())) {
            return;
        }
        try {
            var text = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(instant);
            element.textContent = text + (zone ? ' (' + zone + ')' : '');
        } catch (e) {
            element.textContent = instant.toLocaleString();
        }
    });

    var countdowns = document.querySelectorAll('[data-countdown]');
    if (countdowns.length === 0) {
        return;
    }

    function tick() {
        var now = Date.now();
        countdowns.forEach(function (element) {
            var left = new Date(element.getAttribute('data-countdown')).getTime() - now;
            if (isNaN(left)) {
                return;
            }
            if (left <= 0) {
                element.textContent = element.getAttribute('data-closed');
                return;
            }
            var seconds = Math.floor(left / 1000);
            element.textContent = element.getAttribute('data-template')
                .replace('{d}', String(Math.floor(seconds / 86400)))
                .replace('{h}', String(Math.floor(seconds % 86400 / 3600)))
                .replace('{m}', String(Math.floor(seconds % 3600 / 60)))
                .replace('{s}', String(seconds % 60));
        });
    }

    tick();
    window.setInterval(tick, 1000);
})();
