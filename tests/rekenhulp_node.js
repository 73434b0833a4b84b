// Draait de rekenkern van de rekenhulp (docs/javascripts/rekenkern.js) in Node, voor tests/test_rekenhulp_node.py.
// Leest van stdin: {"regels": <de JSON die de bouw in de pagina zet>, "gevallen": [<casus als gewone gegevens>, ...]}.
// Schrijft naar stdout per geval {"uitkomst": ...} of {"problemen": [...]}, in dezelfde vorm als de Python-kant.
'use strict';
const path = require('path');
// Het script: het eerste argument (een verkleinde of kapotte kopie), anders de bron.
const Rekenkern = require(process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, '..', 'docs', 'javascripts', 'rekenkern.js'));

const stukken = [];
process.stdin.on('data', (d) => stukken.push(d)).on('end', () => {
  const invoer = JSON.parse(Buffer.concat(stukken).toString('utf8'));
  const K = Rekenkern.maak(invoer.regels);
  const uit = invoer.gevallen.map((gegevens) => {
    try {
      return { uitkomst: K.vergelijking(K.bereken(K.laadObject(gegevens))) };
    } catch (f) {
      if (f instanceof K.CasusFout) return { problemen: f.problemen };
      throw f;
    }
  });
  process.stdout.write(JSON.stringify(uit));
});
