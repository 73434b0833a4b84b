// Afdrukken: print.css zet bij externe links het adres achter de linktekst. Is de linktekst zelf
// al het adres, dan is dat dubbel; zulke links krijgen de klasse print-geen-url.
document.addEventListener("DOMContentLoaded", function () {
  var kaal = function (adres) {
    return adres.trim().replace(/^https?:\/\//, "").replace(/\/$/, "");
  };
  document.querySelectorAll('.md-typeset a[href^="http"]').forEach(function (link) {
    if (kaal(link.textContent) === kaal(link.getAttribute("href"))) {
      link.classList.add("print-geen-url");
    }
  });
});
