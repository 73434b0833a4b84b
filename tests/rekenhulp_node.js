// Draait de rekenkern van de rekenhulp (docs/javascripts/rekenkern.js) in Node, voor tests/test_rekenhulp_node.py.
// Leest van stdin: {"regels": <de JSON die de bouw in de pagina zet>, "soort": "object" | "yaml" | "bytes",
// "gevallen": [...]}. Een geval is bij "object" een casus als gewone gegevens, bij "yaml" {yaml, bestand} (tekst) en
// bij "bytes" {bytes (base64), bestand}: een casusbestand zoals de rekenhulp het opent, gelezen met js-yaml zoals in
// de pagina. Schrijft naar stdout per geval {"uitkomst": ...} of {"problemen": [...]}, in de vorm van de Python-kant.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const JS = path.join(__dirname, '..', 'docs', 'javascripts');
// Het script: het eerste argument (een verkleinde of kapotte kopie), anders de bron.
const Rekenkern = require(process.argv[2] ? path.resolve(process.argv[2]) : path.join(JS, 'rekenkern.js'));
// js-yaml zoals de pagina het laadt: het script zet `jsyaml` in de globale ruimte.
vm.runInThisContext(fs.readFileSync(path.join(JS, 'js-yaml.min.js'), 'utf8'), { filename: 'js-yaml.min.js' });

const stukken = [];
process.stdin.on('data', (d) => stukken.push(d)).on('end', () => {
  const invoer = JSON.parse(Buffer.concat(stukken).toString('utf8'));
  const K = Rekenkern.maak(invoer.regels);
  const soort = invoer.soort || 'object';
  const lees = {
    object: (g) => K.laadObject(g),
    yaml: (g) => K.laadYaml(g.yaml, g.bestand),
    bytes: (g) => K.laadYaml(K.tekstUitBytes(new Uint8Array(Buffer.from(g.bytes, 'base64')), g.bestand), g.bestand),
  }[soort];
  if (!lees) throw new Error(`onbekende soort: ${soort}`);
  const uit = invoer.gevallen.map((geval) => {
    try {
      return { uitkomst: K.vergelijking(K.bereken(lees(geval))) };
    } catch (f) {
      if (f instanceof K.CasusFout) return { problemen: f.problemen };
      throw f;
    }
  });
  process.stdout.write(JSON.stringify(uit));
});
