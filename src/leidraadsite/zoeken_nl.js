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
