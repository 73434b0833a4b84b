/* Toegevoegd door src/leidraadsite/aanpassingen.py (zoekworker-nl) aan de zoek-webworker van Material for MkDocs.
 *
 * Material zet achter elk zoekwoord een '*' (zoeken terwijl je typt). Lunr haalt zulke woorden niet
 * door de stemmer, terwijl de woorden in de index wél gestemd zijn. Daardoor vond 'berekeningen'
 * de pagina's met 'berekening' niet (beide worden 'bereken'). Hier wordt zo'n zoekwoord alsnog
 * gestemd met de Nederlandse stemmer van lunr; de '*' blijft, dus zoeken terwijl je typt werkt nog.
 */
(function () {
  "use strict";
  if (typeof lunr === "undefined" || !lunr.Query || typeof lunr.Query.prototype.clause !== "function") {
    throw new Error("zoeken_nl: lunr.Query.prototype.clause ontbreekt; is Material for MkDocs bijgewerkt?");
  }
  var origineel = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (clausule) {
    // Alleen woorden met een '*' die lunr zelf niet stemt (usePipeline false); anders zou lunr dubbel stemmen.
    if (clausule && clausule.usePipeline === false && typeof clausule.term === "string" &&
        clausule.term.indexOf("*") !== -1 && lunr.nl && typeof lunr.nl.stemmer === "function") {
      var delen = /^(\**)(.*?)(\**)$/.exec(clausule.term);
      if (delen[2]) {
        var stam = lunr.nl.stemmer(new lunr.Token(delen[2])).toString();
        if (stam) clausule.term = delen[1] + stam + delen[3];
      }
    }
    return origineel.call(this, clausule);
  };
})();
/* Issue 22: het zoekvak kent de woorden van het vak.
 *
 * - Vormen en woorden met dezelfde betekenis (SYNONIEMEN): typt u er één, dan zoekt het vak ook op de andere
 *   ('uur' en 'uren', 'afbouw' en 'afbouwen', 'rekenen', 'berekening' en 'rekenhulp').
 * - Beste antwoorden (BESTE): bij de vragen die het meest gesteld worden, staat de pagina (of kop) die het
 *   antwoord geeft bovenaan. Een regel past als alle woorden ervan in de vraag staan (na stemming, met synoniemen).
 * - Tikfouten: vindt een vraag niets, dan zoekt het vak opnieuw en staat het één letter verschil per woord toe
 *   (woorden van minstens vier letters).
 * De doelen zijn adressen uit de zoekindex (search/search_index.json); tests/browser/test_zoeken.py typt elke
 * vraag toets voor toets en eist het beste antwoord bovenaan.
 */
(function () {
  "use strict";
  var SYNONIEMEN = [
    ["uur", "uren"],
    ["afbouw", "afbouwen"],
    ["rekenen", "berekenen", "berekening", "uitrekenen", "rekenhulp"],
    ["tarief", "uurtarief", "normbedrag"],
    ["toetsen", "toetsing"],
    ["verlenging", "verlengen", "vervolgaanvraag"]
  ];
  var BESTE = [
    {doel: "rekenhulp/", woorden: [["hoeveel", "uur"], ["uur", "rekenen"], ["rekenhulp"]]},
    {doel: "leidraad/verlenging/", woorden: [["verlenging"]]},
    {doel: "leidraad/logboek/", woorden: [["logboek"]]},
    {doel: "wat-geldt-nu/#intern", woorden: [["interne", "jobcoach"], ["intern", "jobcoach"]]},
    {doel: "wat-geldt-nu/#tarief", woorden: [["tarief"]]},
    {doel: "leidraad/toetsing/", woorden: [["toetsen"], ["toetser"]]},
    {doel: "wat-geldt-nu/#gemeente", woorden: [["gemeente"], ["participatiewet"]]},
    {doel: "wat-geldt-nu/#routes", woorden: [["jobcoachportaal"], ["aanvragen"], ["route"]]},
    {doel: "sjablonen/coachingsplan/", woorden: [["sjabloon", "coachingsplan"], ["formulier", "coachingsplan"]]},
    {doel: "sjablonen/", woorden: [["sjabloon"], ["formulier"]]}
  ];
  if (!lunr.Index || typeof lunr.Index.prototype.search !== "function") {
    throw new Error("zoeken_nl: lunr.Index.prototype.search ontbreekt; is Material for MkDocs bijgewerkt?");
  }
  // De Nederlandse stemmer (lunr.nl) laadt het thema pas als de index wordt opgebouwd: daarom hier pas bij het zoeken.
  function stam(woord) {
    return lunr.nl && typeof lunr.nl.stemmer === "function" ? lunr.nl.stemmer(new lunr.Token(woord)).toString() : woord;
  }
  var groepVan = null;  // stam -> lijst woorden van zijn groep
  function groepen() {
    if (groepVan === null) {
      groepVan = {};
      SYNONIEMEN.forEach(function (groep) {
        groep.forEach(function (woord) { groepVan[stam(woord)] = groep; });
      });
    }
    return groepVan;
  }
  function woordenVan(vraag) {
    return vraag.toLowerCase().split(/\s+/).map(function (deel) {
      return deel.replace(/^[+\-]+/, "").replace(/[*~^0-9]+$/, "").replace(/^\*+/, "");
    }).filter(function (w) { return /^[a-zà-ÿ]+$/.test(w); });
  }
  var zoek = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (vraag) {
    var woorden = woordenVan(vraag);
    var stammen = {}, extra = [];
    woorden.forEach(function (w) {
      stammen[stam(w)] = true;
      (groepen()[stam(w)] || []).forEach(function (ander) {
        stammen[stam(ander)] = true;
        if (woorden.indexOf(ander) === -1 && extra.indexOf(ander) === -1) extra.push(ander);
      });
    });
    var uitgebreid = extra.length ? vraag + " " + extra.map(function (w) { return w + "*"; }).join(" ") : vraag;
    var resultaten = zoek.call(this, uitgebreid);
    if (!resultaten.length) {
      var vaag = woorden.filter(function (w) { return w.length >= 4; }).map(function (w) { return w + "~1"; });
      if (vaag.length) resultaten = zoek.call(this, vaag.join(" "));
    }
    var hoogste = resultaten.reduce(function (m, r) { return Math.max(m, r.score); }, 1);
    var beste = BESTE.filter(function (regel) {
      return regel.woorden.some(function (set) {
        return set.every(function (w) { return stammen[stam(w)]; });
      });
    });
    beste.forEach(function (regel, i) {
      var score = hoogste * 100 * (beste.length - i);
      var gevonden = resultaten.filter(function (r) { return r.ref === regel.doel; })[0];
      if (gevonden) gevonden.score = score;
      else resultaten.push({ref: regel.doel, score: score, matchData: {metadata: {}}});
    });
    return resultaten.sort(function (a, b) { return b.score - a.score; });
  };
})();
