/*
 * Toegankelijkheid (WCAG 2.1 AA) bovenop het thema Material for MkDocs.
 * Klein en zonder afhankelijkheden; zonder JavaScript werkt de site gewoon, alleen zonder deze hulp.
 *
 * 1. Brede tabellen: het thema zet elke tabel in een vak dat opzij schuift. Schuift dat vak echt
 *    (de tabel is breder dan het scherm), dan krijgt het focus (tabindex), de rol 'region' en als naam
 *    het bijschrift van de tabel. Zo kan iemand met alleen een toetsenbord de tabel opzij schuiven.
 * 2. De knoppen in de kopbalk voor het menu en het zoekvak zijn in het thema <label>s zonder focus.
 *    Ze krijgen focus, de rol 'button' en werken met Enter en spatie; Escape sluit menu en zoekvak.
 */
(function () {
  "use strict";

  function naamVanTabel(vak) {
    var bijschrift = vak.querySelector("caption");
    var tekst = bijschrift ? bijschrift.textContent.trim() : "";
    return tekst ? "Tabel: " + tekst : "Tabel";
  }

  function werkVakBij(vak) {
    if (vak.scrollWidth > vak.clientWidth + 1) {
      vak.setAttribute("tabindex", "0");
      vak.setAttribute("role", "region");
      vak.setAttribute("aria-label", naamVanTabel(vak));
    } else {
      vak.removeAttribute("tabindex");
      vak.removeAttribute("role");
      vak.removeAttribute("aria-label");
    }
  }

  var waarnemer = "ResizeObserver" in window
    ? new ResizeObserver(function (items) {
        items.forEach(function (item) { werkVakBij(item.target); });
      })
    : null;

  function tabelvakken() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (vak) {
      werkVakBij(vak);
      if (waarnemer) waarnemer.observe(vak);
    });
  }

  function schakelaar(label) {
    return document.getElementById(label.getAttribute("for"));
  }

  function kopknoppen() {
    document.querySelectorAll('label.md-header__button[for="__drawer"], label.md-header__button[for="__search"]')
      .forEach(function (label) {
        var vakje = schakelaar(label);
        if (!vakje || label.hasAttribute("tabindex")) return;
        label.setAttribute("tabindex", "0");
        label.setAttribute("role", "button");
        label.setAttribute("aria-label", vakje.id === "__drawer" ? "Menu openen of sluiten" : "Zoeken");
        label.setAttribute("aria-expanded", String(vakje.checked));
        vakje.addEventListener("change", function () {
          label.setAttribute("aria-expanded", String(vakje.checked));
        });
        label.addEventListener("keydown", function (gebeurtenis) {
          if (gebeurtenis.key === "Enter" || gebeurtenis.key === " ") {
            // Het thema klikt zelf ook op een label met focus bij Enter; één klik is genoeg.
            gebeurtenis.preventDefault();
            gebeurtenis.stopPropagation();
            label.click();
          }
        });
      });
  }

  function sluitMetEscape(gebeurtenis) {
    if (gebeurtenis.key !== "Escape") return;
    var menu = document.getElementById("__drawer");
    if (menu && menu.checked) {
      menu.checked = false;
      menu.dispatchEvent(new Event("change"));
      var knop = document.querySelector('label.md-header__button[for="__drawer"]');
      if (knop) knop.focus();
    }
  }

  function start() {
    tabelvakken();
    kopknoppen();
  }

  document.addEventListener("keydown", sluitMetEscape);
  // Het thema zet de tabellen pas in hun schuifvak nadat de pagina geladen is; document$ meldt dat.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
