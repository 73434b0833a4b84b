/*! Rekenhulp van Leidraad Jobcoach online. Licentie: EUPL-1.2. Leesbare bron: docs/javascripts/rekenhulp.js */
/*
 * Het formulier van de rekenhulp: invullen, tabellen, casusbestanden openen en opslaan, Word en afdrukken.
 * Rekenen, controleren en casusbestanden lezen doet rekenkern.js (zonder pagina; dezelfde code draait in Node in de
 * pariteitstest van make check). Regels, gegevensmodel en teksten komen uit het JSON-blok #rekenhulp-regels dat de site bij het
 * bouwen in de pagina zet (jobcoach/browser.py, data/teksten.yml).
 *
 * Niets van wat de gebruiker invult verlaat de browser: de invoer staat alleen in localStorage, het Word-bestand
 * maakt de browser. Tests: tests/test_rekenhulp_node.py (rekenkern in Node, gelijk aan Python) en
 * tests/browser/test_rekenhulp_pariteit.py (de hele pagina in Chromium, ook de tabellen en foute bestanden).
 */
(function () {
  'use strict';

  const R = JSON.parse(document.getElementById('rekenhulp-regels').textContent);
  const K = window.Rekenkern.maak(R); // berekening, controles en casusbestanden lezen: rekenkern.js
  const { T, vul, B, plus, breuk, getal, uren, procent, procentAfgekapt, nlDatum, PROTOCOLLEN, KADERS, DOELEN, specOp, bereken,
    geldigeDatum, probleemTekst, CasusFout, gevonden, laadObject, laadYaml, tekstUitBytes } = K;
  const M = T.meldingen, RT = T.rekenhulp, F = T.formulier;
  // ---------------------------------------------------------------------------------------------
  // Tabellen als gegevens (jobcoach/tabeldata.py) en één weergave als HTML (jobcoach/html.py)

  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
  const hoofdletter = (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  const tt = (tabel, sleutel, w) => vul(T.tabellen[tabel][sleutel], w);
  const tabel = (naam, bijschrift, rijen, opties = {}) => ({ bijschrift, koppen: T.tabellen[naam].koppen, rijen, voet: [], rechts: [], ...opties });

  // Een cel is tekst, een lijst teksten (een motivering met meer punten) of {code: tekst}.
  // Zoals src/jobcoach/html.py het voor de andere pagina's doet: datums (dd-mm-jjjj) breken niet af,
  // een / tussen twee woorden mag afbreken; en hieronder krijgt elke cel zijn kolomnaam en rol.
  const HEEL = /(?<![\w-])\d{1,2}-\d{1,2}-\d{4}(?![\w-])|(?<=\p{L})\/(?=\p{L})/gu;
  const tekstHtml = (x) => esc(x).replace(HEEL, (m) => (m === '/' ? '/<wbr>' : '<span class="tabel-heel">' + m + '</span>'));
  const celHtml = (c) => (Array.isArray(c) ? '<ul>' + c.map((x) => '<li>' + tekstHtml(x) + '</li>').join('') + '</ul>'
    : c.code != null ? '<code>' + tekstHtml(c.code) + '</code>' : tekstHtml(c));
  function cel(inhoud, kop, rechts, scope, span = 1, label = null) {
    const tag = kop ? 'th' : 'td';
    const rol = label === false ? '' : kop ? (scope === 'col' ? 'columnheader' : 'rowheader') : 'cell';
    const attrs = (scope ? ' scope="' + scope + '"' : '') + (span > 1 ? ' colspan="' + span + '"' : '') + (rechts ? ' class="getal"' : '')
      + (rol ? ' role="' + rol + '"' : '') + (label ? ' data-label="' + esc(label) + '"' : ''); // rjsmin: geen ` in `
    return '<' + tag + attrs + '>' + celHtml(inhoud) + '</' + tag + '>';
  }
  /** Een tabel als HTML zoals jobcoach/html.py (tabel_html) hem maakt, met dezelfde kenmerken: vanaf
   * twee kolommen op een smal scherm één blok per rij (data-blokken), met de rollen van een tabel en bij elke cel
   * de naam van haar kolom (data-label). */
  function tabelHtml(t) {
    const n = t.koppen.length, blokken = n >= 2;
    const label = (i, span = 1) => (!blokken ? false : span < n && t.koppen[i] ? t.koppen[i] : null);
    const r = (i) => t.rechts.includes(i), kop = (c) => cel(c, true, false, 'row', 1, blokken ? null : false);
    const koppen = t.koppen.map((k, i) => cel(k, true, !t.rijkoppen && r(i), 'col', 1, blokken ? null : false));
    const rij = blokken ? '<tr role="row">' : '<tr>', groep = (tag) => '<' + tag + (blokken ? ' role="rowgroup"' : '') + '>';
    const d = [blokken ? '<table data-blokken="" role="table"' + (n >= 7 ? ' data-veel-kolommen=""' : '') + '>' : '<table>',
      '<caption>' + esc(t.bijschrift) + '</caption>'];
    if (t.rijkoppen) d.push(groep('thead') + rij + koppen.join('') + '</tr></thead>' + groep('tbody'));
    else d.push(groep('thead') + rij, ...koppen, '</tr></thead>' + groep('tbody'));
    for (const rr of t.rijen) {
      d.push(rij + (t.rijkoppen ? kop(rr[0]) + rr.slice(1).map((c, i) => cel(c, false, false, null, 1, label(i + 1))).join('')
        : rr.map((c, i) => cel(c, false, r(i), null, 1, label(i))).join('')) + '</tr>');
    }
    d.push('</tbody>');
    const voetrij = (vr) => { // de kop beslaat de lege cellen erna (zoals html.py)
      let leeg = 0;
      while (1 + leeg < vr.length - 1 && vr[1 + leeg] === '') leeg++;
      return rij + cel(vr[0], true, false, 'row', 1 + leeg, blokken ? null : false)
        + vr.slice(1 + leeg).map((c, i) => cel(c, false, r(i + 1 + leeg), null, 1, label(i + 1 + leeg))).join('') + '</tr>';
    };
    if (t.voet.length) d.push(groep('tfoot'), ...t.voet.map(voetrij), '</tfoot>');
    d.push('</table>');
    return d.join('\n');
  }

  const dan = (lijst) => lijst.join(tt('schema', 'dan'));
  /** '0,5 uur per week'; met fasen '1 uur per week (12 weken), dan 1 uur per 2 weken (12 weken)' (tabeldata.duur_tekst). */
  function duurTekst(rij) {
    if (rij.fasen != null) {
      return dan(rij.fasen.map((f) => tt('schema', 'fase', { duur: `${uren(f.uren != null ? f.uren : rij.uren)} uur ${T.duur_per[f.intensiteit]}`.trim(), weken: getal(f.weken) })));
    }
    return rij.uren == null ? '' : `${uren(rij.uren)} uur ${T.duur_per[rij.intensiteit] || ''}`.trim();
  }
  const intensiteitTekst = (rij) => (rij.fasen != null ? dan(rij.fasen.map((f, i) => (i ? T.intensiteit[f.intensiteit].toLowerCase() : T.intensiteit[f.intensiteit])))
    : T.intensiteit[rij.intensiteit] || '');
  /** '24 weken (6 maanden × 4 weken per maand)' of '10 weken' (tabeldata.weken_tekst). */
  const wekenTekst = (u) => (u.casus.contract.maanden == null ? tt('samenvatting', 'weken', { weken: getal(u.weken) })
    : tt('samenvatting', 'weken_uit_maanden', { weken: getal(u.weken), maanden: getal(u.casus.contract.maanden), weken_per_maand: getal(u.weken_per_maand) }));
  const motivering = (m) => (m.length === 0 ? '' : m.length === 1 ? m[0] : m);
  const door = (rij) => (rij.door ? hoofdletter(rij.door) : '');
  function schemaTabel(u) { // de aard alleen bij de eerste rij van een groep; vaste uren staan in de urenberekening
    const rijen = u.rijen.map(({ rij }, i) => [i && u.rijen[i - 1].rij.aard === rij.aard ? '' : T.aard[rij.aard], rij.knelpunt,
      door(rij), rij.aan || '', duurTekst(rij), intensiteitTekst(rij), motivering(rij.motivering)]);
    return tabel('schema', tt('schema', 'bijschrift', { titel: u.casus.titel }), rijen);
  }
  /** De berekening van een rij in één cel: '0,5 uur × 24 keer (wekelijks)', per fase met ' + '. */
  const berekeningTekst = (r) => r.fasen.map((d) => tt('per_rij', 'berekening', { uren: uren(d.uren), keren: getal(d.keren), intensiteit: T.intensiteit[d.intensiteit].toLowerCase() }))
    .join(tt('per_rij', 'plus'));
  function perRijTabel(u) { // zes kolommen, de berekening in één cel (zoals jobcoach/tabeldata.py)
    const rijen = u.rijen.map((r) => (r.telt_mee
      ? [String(r.nummer), r.rij.knelpunt, 'Jobcoach', String(r.rij.doel), berekeningTekst(r), uren(r.totaal)]
      : [String(r.nummer), r.rij.knelpunt, door(r.rij), '', tt('per_rij', r.rij.door ? 'telt_niet_mee' : 'geen_uren'), '']));
    for (const e of u.extra) {
      const omschrijving = e.herkomst ? tt('per_rij', 'herkomst', { omschrijving: e.omschrijving, herkomst: e.herkomst }) : e.omschrijving;
      rijen.push([tt('per_rij', 'vast'), omschrijving, 'Jobcoach', String(e.doel), tt('schema', 'vast_aantal'), uren(e.uren)]);
    }
    return tabel('per_rij', tt('per_rij', 'bijschrift', { weken: wekenTekst(u) }), rijen,
      { voet: [[tt('per_rij', 'totaal'), '', '', '', '', uren(u.begeleidingsuren)]], rechts: [0, 5] });
  }
  /** De uren per periode van zes maanden en per coachingsdoel (tabeldata.per_periode). */
  function perPeriodeTabel(u) {
    const k = T.tabellen.per_periode.koppen, koppen = [k[0], k[1], ...DOELEN.map((d) => tt('per_periode', 'doel', { doel: String(d) })), k[2]];
    const rijen = u.perioden.map((p) => [tt('per_periode', 'periode', { periode: String(p.nummer), jaar: String(p.jaar) }),
      tt('per_periode', 'weken', { van: getal(plus(p.van, B(1n))), tot: getal(p.tot) }), ...DOELEN.map((d) => uren(p.uren_per_doel.get(d))), uren(p.begeleidingsuren)]);
    return { ...tabel('per_periode', tt('per_periode', 'bijschrift', { weken_per_maand: getal(u.weken_per_maand) }), rijen,
      { voet: [[tt('per_periode', 'totaal'), '', ...DOELEN.map((d) => uren(u.uren_per_doel.get(d))), uren(u.begeleidingsuren)]],
        rechts: koppen.map((_, i) => i).filter((i) => i >= 2) }), koppen };
  }
  const perDoelTabel = (u) => tabel('per_doel', tt('per_doel', 'bijschrift'),
    DOELEN.map((d) => [String(d), R.coachingsdoelen[d], uren(u.uren_per_doel.get(d))]),
    { voet: [[tt('per_doel', 'totaal'), '', uren(u.begeleidingsuren)]], rechts: [0, 2] });
  /** Het percentage hoort bij het historische protocol en bij de interne jobcoach (maxima per jaar). */
  const toontPercentage = (u) => u.historisch || !!(u.protocol && u.protocol.max_per_jaar);
  const toontPerioden = (u) => !u.historisch || u.perioden.length > 1;
  const regimeOfUren = (r, geen) => (!r ? geen : [r.regime != null ? procent(r.regime) : null, r.uren != null ? uren(r.uren) + ' uur' : null].filter(Boolean).join(', '));
  function samenvattingTabel(u) {
    const c = u.casus, s = (k, w) => tt('samenvatting', k, w), bu = uren(u.begeleidingsuren), rijen = [];
    const kader = c.verordening ? s('kader_verordening', { kader: u.kader.naam, verordening: c.verordening }) : u.kader.naam;
    if (u.historisch && u.protocol) rijen.push([s('protocol'), u.protocol.naam]);
    else {
      rijen.push([s('kader'), kader]);
      if (u.protocol) rijen.push([s('protocol'), u.protocol.naam]);
      rijen.push([s('periode'), s(u.verlenging ? 'periode_verlenging' : 'periode_eerste', { periode: String(c.periode) })]);
    }
    rijen.push([s('contract'), s('contract_waarde', { uren_per_week: getal(c.contract.uren_per_week), weken: wekenTekst(u) })],
      [s('contracturen'), uren(u.contracturen)], [s('begeleidingsuren'), bu], [s('per_week'), s('per_week_waarde', { uren: uren(u.uren_per_week) })]);
    if (c.vorige_uren != null) rijen.push([s('vorige_uren'), uren(c.vorige_uren)]);
    if (toontPercentage(u)) rijen.push([s('percentage'), s('percentage_waarde', { begeleidingsuren: bu, contracturen: uren(u.contracturen), percentage: procentAfgekapt(u.percentage) })]);
    if (u.historisch) rijen.push([s('aangevraagd'), regimeOfUren(c.aanvraag, s('geen_aanvraag'))], [s('geadviseerd'), regimeOfUren(c.advies, s('geen_advies'))]);
    else {
      if (c.aanvraag) rijen.push([s('aanvraag'), regimeOfUren(c.aanvraag, '')]);
      rijen.push([s('advies'), regimeOfUren(c.advies, s('geen_advies'))]);
    }
    return tabel('samenvatting', s('bijschrift'), rijen, { rijkoppen: true });
  }
  const berekeningHtml = (u) => [perRijTabel(u), ...(toontPerioden(u) ? [perPeriodeTabel(u)] : []), perDoelTabel(u), samenvattingTabel(u)].map(tabelHtml).join('\n\n');
  function bevindingenHtml(u) {
    const t = T.bevindingen;
    if (!u.bevindingen.length) return `<div class="admonition success"><p class="admonition-title">${esc(t.geen_titel)}</p><p>${esc(t.geen_tekst)}</p></div>`;
    const items = u.bevindingen.map((b) => '<li>' + esc(b.tekst) + '</li>').join('');
    return `<div class="admonition warning"><p class="admonition-title">${esc(t.titel)}</p><ul>${items}</ul></div>`;
  }

  // ---------------------------------------------------------------------------------------------
  // Casusbestanden lezen doet rekenkern.js (leesYaml, zoals jobcoach/lezer.py) met js-yaml. Dat komt pas als u een
  // bestand opent (laadLezer): de pagina laadt zo minder script.
  const LEZER = new URL('js-yaml.min.js', document.currentScript.src).href;
  let lezer = null;
  const laadLezer = () => lezer || (lezer = window.jsyaml ? Promise.resolve() : new Promise((ok, mis) => {
    const s = document.createElement('script');
    s.src = LEZER; s.onload = () => ok(); s.onerror = () => { lezer = null; mis(new Error('de YAML-lezer kon niet worden geladen')); };
    document.head.appendChild(s);
  }));

  // ---------------------------------------------------------------------------------------------
  // YAML schrijven: een casusbestand dat `jobcoach controleer` precies zo leest

  const yamlTekst = (s) => JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
  function yamlGetal(x) { // altijd decimaal, zonder e (de lezer van jobcoach weigert 1e-7)
    const [m, e] = String(x).split('e');
    if (e === undefined) return m;
    if (Number(e) > 0) return BigInt(x).toString();
    const c = m.replace(/[-.]/g, '');
    return (x < 0 ? '-' : '') + '0.' + '0'.repeat(-Number(e) - 1) + c;
  }
  function naarYaml(c) {
    const regime = (naam, x) => (x ? ['', `${naam}:`, ...(x.regime != null ? [`  regime: ${yamlGetal(x.regime)}`] : []), ...(x.uren != null ? [`  uren: ${yamlGetal(x.uren)}`] : [])] : []);
    const r = ['# Casus gemaakt met de rekenhulp van Leidraad Jobcoach online.', '# Controleren en narekenen: jobcoach controleer BESTAND', '',
      `titel: ${yamlTekst(c.titel)}`];
    if (c.kader != null) r.push(`kader: ${yamlTekst(c.kader)}`);
    if (c.verordening != null) r.push(`verordening: ${yamlTekst(c.verordening)}`);
    if (c.protocol != null) r.push(`protocol: ${yamlTekst(c.protocol)}`);
    if (c.periode !== 1) r.push(`periode: ${c.periode}`);
    if (c.vorige_uren != null) r.push(`vorige_uren: ${yamlGetal(c.vorige_uren)}`);
    if (c.weken_per_maand != null) r.push(`weken_per_maand: ${yamlGetal(c.weken_per_maand)}`);
    if (c.datum) r.push(`datum: ${c.datum}`);
    if (c.bron) r.push(`bron: ${yamlTekst(c.bron)}`);
    const k = c.contract;
    r.push('', 'contract:', `  uren_per_week: ${yamlGetal(k.uren_per_week)}`, k.weken != null ? `  weken: ${yamlGetal(k.weken)}` : `  maanden: ${yamlGetal(k.maanden)}`);
    if (k.proefplaatsing) r.push('  proefplaatsing: true');
    if (k.loonwaarde_wml != null) r.push(`  loonwaarde_wml: ${yamlGetal(k.loonwaarde_wml)}`);
    r.push(...regime('aanvraag', c.aanvraag), '', 'schema:');
    for (const rij of c.schema) {
      r.push(`  - aard: ${rij.aard}`, `    knelpunt: ${yamlTekst(rij.knelpunt)}`);
      if (rij.door != null) r.push(`    door: ${rij.door}`);
      if (rij.aan != null) r.push(`    aan: ${yamlTekst(rij.aan)}`);
      if (rij.uren != null) r.push(`    uren: ${yamlGetal(rij.uren)}`);
      if (rij.intensiteit != null) r.push(`    intensiteit: ${rij.intensiteit}`);
      if (rij.fasen != null) r.push('    fasen:', ...rij.fasen.map((f) => `      - {weken: ${yamlGetal(f.weken)}, intensiteit: ${f.intensiteit}${f.uren != null ? ', uren: ' + yamlGetal(f.uren) : ''}}`));
      if (rij.doel != null) r.push(`    doel: ${rij.doel}`);
      if (rij.motivering.length) r.push('    motivering:', ...rij.motivering.map((m) => `      - ${yamlTekst(m)}`));
    }
    if (c.extra.length) r.push('', 'extra:', ...c.extra.flatMap((e) => [`  - omschrijving: ${yamlTekst(e.omschrijving)}`,
      ...(e.herkomst != null ? [`    herkomst: ${yamlTekst(e.herkomst)}`] : []), `    uren: ${yamlGetal(e.uren)}`, `    doel: ${e.doel}`]));
    r.push(...regime('advies', c.advies));
    return r.join('\n') + '\n';
  }

  // ---------------------------------------------------------------------------------------------
  // De urenonderbouwing: één lijst blokken voor het scherm (en papier) en voor Word

  const vandaag = () => { const d = new Date(); return [d.getDate(), d.getMonth() + 1].map((x) => String(x).padStart(2, '0')).join('-') + '-' + d.getFullYear(); };
  /** De protocolversie met de percentages van 2011 (10% volstaat meestal, 15% met onderbouwing), uit de regels. */
  const PROTOCOL_2011 = R.protocollen.find((p) => p.normaal_max != null);
  /** Historisch: de uren als percentage, naast de percentages van 2011 (alleen als u erom vraagt, of bij een casus van toen). */
  function historieTabel(u) {
    const p = u.historisch && u.protocol ? u.protocol : PROTOCOL_2011, rijen = [[RT.historie_percentage, tt('samenvatting', 'percentage_waarde',
      { begeleidingsuren: uren(u.begeleidingsuren), contracturen: uren(u.contracturen), percentage: procentAfgekapt(u.percentage) })]];
    if (p && p.normaal_max != null) rijen.push([vul(RT.historie_normaal, { protocol: p.label }), procent(p.normaal_max)]);
    if (p && p.max_met_onderbouwing != null) rijen.push([RT.historie_maximum, procent(p.max_met_onderbouwing)]);
    if (u.casus.aanvraag && u.casus.aanvraag.regime != null) rijen.push([tt('samenvatting', 'aangevraagd'), procent(u.casus.aanvraag.regime)]);
    if (u.casus.advies && u.casus.advies.regime != null) rijen.push([tt('samenvatting', 'geadviseerd'), procent(u.casus.advies.regime)]);
    return tabel('samenvatting', vul(RT.historie_bijschrift, { protocol: p ? p.label : '' }), rijen, { rijkoppen: true });
  }
  const toontHistorie = (u, historie) => historie || u.historisch;
  /** Eerst wat u aanvraagt: uren per periode en per doel; dan de bevindingen, het schema en (als u erom vraagt) de geschiedenis. */
  function onderbouwing(u, historie) {
    const c = u.casus, a = R.uitgave || {};
    const kern = tabel('samenvatting', RT.kerncijfers, [
      [RT.kader, c.verordening ? tt('samenvatting', 'kader_verordening', { kader: u.kader.naam, verordening: c.verordening }) : u.kader.naam],
      ...(u.protocol ? [[tt('samenvatting', 'protocol'), u.protocol.naam]] : []),
      [RT.periode, tt('samenvatting', u.verlenging ? 'periode_verlenging' : 'periode_eerste', { periode: String(c.periode) })],
      [RT.contract, tt('samenvatting', 'contract_waarde', { uren_per_week: getal(c.contract.uren_per_week), weken: wekenTekst(u) })],
      [RT.begeleidingsuren, vul(RT.begeleidingsuren_waarde, { uren: uren(u.begeleidingsuren) })],
      [RT.per_week, tt('samenvatting', 'per_week_waarde', { uren: uren(u.uren_per_week) })],
      [RT.datum, c.datum ? nlDatum(c.datum) : RT.geen_datum],
    ], { rijkoppen: true });
    return [
      { kop: 1, tekst: vul(RT.titel, { titel: c.titel }) },
      { alinea: vul(RT.gemaakt, { datum: vandaag(), site: a.naam || '', editie: a.editie || '', kader: u.kader.naam }), klasse: 'rh-gemaakt' },
      { tabel: kern }, { tabel: perPeriodeTabel(u) }, { tabel: perDoelTabel(u) },
      { bevindingen: u.bevindingen },
      { kop: 2, tekst: RT.schema_kop }, { tabel: schemaTabel(u) }, { tabel: perRijTabel(u) },
      ...(toontHistorie(u, historie) ? [{ kop: 2, tekst: RT.historisch_kop }, { alinea: RT.historisch }, { tabel: historieTabel(u) }] : []),
    ];
  }
  const omhul = (html) => `<div class="md-typeset__scrollwrap"><div class="md-typeset__table">${html}</div></div>`;
  const blokHtml = (b, u) => (b.kop ? `<h${b.kop + 2}>${esc(b.tekst)}</h${b.kop + 2}>` : b.alinea ? `<p class="${b.klasse || ''}">${esc(b.alinea)}</p>`
    : b.tabel ? omhul(tabelHtml(b.tabel)) : bevindingenHtml(u));

  // Het Word-bestand maakt rekenhulp-word.js; dat script komt pas bij de eerste klik op 'Word-bestand maken'.
  const WORD = new URL('rekenhulp-word.js', document.currentScript.src).href;
  let schrijver = null;
  const laadWord = () => schrijver || (schrijver = new Promise((ok, mis) => {
    const s = document.createElement('script');
    s.src = WORD;
    s.onload = () => ok(window.RekenhulpWord.maak({ R, T, RT, vul, tt, uren, getal, DOELEN, vandaag, duurTekst, wekenTekst, historieTabel, toontHistorie }));
    s.onerror = () => { schrijver = null; mis(new Error('het script voor het Word-bestand kon niet worden geladen')); };
    document.head.appendChild(s);
  }));

  // ---------------------------------------------------------------------------------------------
  // Voor de pariteitstest: dezelfde vorm als de Python-kant van de test

  const vergelijking = (u) => ({ ...K.vergelijking(u),
    html: { schema: tabelHtml(schemaTabel(u)), berekening: berekeningHtml(u), bevindingen: bevindingenHtml(u) } });
  function verwerk(invoer) {
    try {
      const yaml = invoer.bytes !== undefined ? tekstUitBytes(Uint8Array.from(atob(invoer.bytes), (c) => c.charCodeAt(0)), invoer.bestand || 'casus.yml') : invoer.yaml;
      return { uitkomst: vergelijking(bereken(yaml !== undefined ? laadYaml(yaml, invoer.bestand || 'casus.yml') : laadObject(invoer.object))) };
    } catch (f) {
      if (f instanceof CasusFout) return { problemen: f.problemen };
      throw f;
    }
  }
  window.rekenhulp = { verwerk, laadLezer, bereken: (o) => vergelijking(bereken(laadObject(o))), naarYaml, laadWord, opmaak: { getal, procentAfgekapt, breuk } };

  // ---------------------------------------------------------------------------------------------
  // Het formulier: stil tot u een veld verlaat; alles controleren bij Bereken, Opslaan, Word en Afdrukken

  const wortel = document.getElementById('rekenhulp-invoer');
  if (!wortel) return;
  const OPSLAG = 'leidraad-jobcoach-rekenhulp-3'; // 3: het formulier van nu (kader, periode, fasen, plan)
  // De velden van het formulier. Zonder het vinkje 'geschiedenis' tellen protocol en regimes niet mee: een aanvraag van nu.
  const VELDEN = { titel: '', kader: R.standaard_kader, verordening: '', periode: '', vorige_uren: '', datum: '', bron: '',
    'contract.uren_per_week': '', 'contract.duur': '', weken_per_maand: '', 'contract.proefplaatsing': false, 'contract.loonwaarde_wml': '',
    'aanvraag.uren': '', 'advies.uren': '', protocol: '', 'aanvraag.regime': '', 'advies.regime': '' };
  const HISTORISCH = new Set(['protocol', 'aanvraag.regime', 'advies.regime']);
  const NIEUW = { schema: { aard: '', knelpunt: '', door: '', aan: '', uren: '', intensiteit: '', fasen: '', doel: '', motivering: '' }, extra: { omschrijving: '', herkomst: '', uren: '', doel: '' } };
  // Gegevens die alleen in het Word-bestand komen (het coachingsplan), niet in de casus: referentie, werkgever, wie, periode.
  const PLAN = { referentie: '', werkgever: '', jobcoach: '', arbeidsdeskundige: '', periode_van: '', periode_tot: '' };
  const leeg = () => ({ v: { ...VELDEN }, duur_soort: 'maanden', schema: [{ ...NIEUW.schema }], extra: [], plan: { ...PLAN }, historie: false });
  function herstel(o) { // bewaarde invoer; wat niet de verwachte vorm heeft, wordt een leeg veld
    const s = leeg(), zelfde = (bron, doel) => { for (const k of Object.keys(doel)) if (bron && typeof bron[k] === typeof doel[k]) doel[k] = bron[k]; return doel; };
    if (!o || typeof o !== 'object') return s;
    zelfde(o.v, s.v);
    zelfde(o.plan, s.plan);
    s.historie = o.historie === true;
    for (const l of ['schema', 'extra']) if (Array.isArray(o[l])) s[l] = o[l].filter((r) => r && typeof r === 'object').map((r) => zelfde(r, { ...NIEUW[l] }));
    s.duur_soort = o.duur_soort === 'weken' ? 'weken' : 'maanden';
    return s;
  }
  let staat;
  try { staat = herstel(JSON.parse(localStorage.getItem(OPSLAG))); } catch (e) { staat = leeg(); }
  const bewaar = () => { try { localStorage.setItem(OPSLAG, JSON.stringify(staat)); } catch (e) { /* opslag uit: niet bewaren */ } };

  /** Een Nederlands getal: 1.000,5 en 0,5 (en 0.5); iets anders (1e3, 1:30) blijft tekst en geeft een melding. */
  function nlGetal(s) {
    const t = s.trim();
    if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
    if (/^[+-]?(\d+(,\d*)?|,\d+|\d*\.\d+)$/.test(t)) return Number(t.replace(',', '.'));
    return t;
  }
  /** Een datum als dd-mm-jjjj wordt 2011-11-08; iets anders blijft tekst en geeft een melding. */
  const nlNaarIso = (s) => { const m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s.trim()); return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : s.trim(); };
  const sleutelVan = (pad) => pad.replace(/\[\d+\]/g, '');
  const echtPad = (pad, s = staat) => (pad === 'contract.duur' ? 'contract.' + s.duur_soort : pad);
  // Fasen (afbouw) in het formulier: één fase per regel, '12 weken wekelijks' of '12 weken tweewekelijks 1,5 uur'.
  const FASE = new RegExp(`^(\\S+)\\s+weken?\\s+(${Object.keys(T.intensiteit).join('|')})(?:\\s+(\\S+)\\s+uur)?$`, 'i');
  function leesFasen(w) {
    const regels = w.split('\n').map((r) => r.trim()).filter(Boolean);
    if (!regels.length) return undefined;
    const fasen = regels.map((r) => FASE.exec(r)).map((m) => m && { weken: nlGetal(m[1]), intensiteit: m[2].toLowerCase(), ...(m[3] ? { uren: nlGetal(m[3]) } : {}) });
    return fasen.every(Boolean) ? fasen : w; // een regel die niet past: de tekst blijft staan en geeft een melding
  }
  const fasenTekst = (fasen) => fasen.map((f) => `${getal(f.weken, 10)} weken ${f.intensiteit}${f.uren != null ? ' ' + getal(f.uren, 10) + ' uur' : ''}`).join('\n');
  function leesInvoer(pad, w) {
    if (sleutelVan(pad) === 'schema.fasen') return leesFasen(w);
    const spec = specOp(sleutelVan(echtPad(pad)));
    if (spec.soort === 'janee') return w || undefined;
    if (spec.soort === 'lijst') { const l = w.split('\n').map((r) => r.trim()).filter(Boolean); return l.length ? l : undefined; }
    if (w.trim() === '') return undefined;
    return spec.soort === 'getal' ? nlGetal(w) : spec.soort === 'geheel' ? Number(w) : spec.soort === 'datum' ? nlNaarIso(w) : w.trim();
  }
  /** Telt dit veld mee? Protocol en regimes alleen met het vinkje geschiedenis; een kader niet naast een protocol; de
   * verordening alleen bij de gemeente; de uren van de vorige periode alleen bij een verlenging. */
  function telt(s, pad) {
    if (HISTORISCH.has(pad)) return s.historie;
    if (pad === 'kader') return !(s.historie && s.v.protocol);
    if (pad === 'verordening') return telt(s, 'kader') && !!(KADERS.get(s.v.kader) || {}).verordening;
    if (pad === 'vorige_uren') return Number(s.v.periode) >= 2;
    return true;
  }
  /** De rijen waarin iets is ingevuld (hun plek in het formulier). Een lege rij telt niet mee, zoals een lege regel op papier. */
  const gevuldeRijen = (s, lijst) => s[lijst].map((r, i) => (Object.values(r).some((w) => w !== '' && w !== false) ? i : -1)).filter((i) => i >= 0);
  /** Een pad van de gegevens (schema[2].uren, zonder lege rijen) naar het veld in het formulier (schema[3].uren). */
  const formulierPad = (s, pad) => pad.replace(/^(schema|extra)\[(\d+)\]/, (m, lijst, n) => `${lijst}[${gevuldeRijen(s, lijst)[n - 1] + 1}]`);
  // Tekens die niet in een veld horen: stuurtekens (C0 behalve tab en nieuwe regel, DEL, C1) en tekens die de
  // schrijfrichting omdraaien (bidi). Ze komen mee als u uit een PDF kopieert en zijn onzichtbaar.
  const STUURTEKEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;
  const codepunt = (c) => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
  /** Een melding voor elk veld met zo'n teken, met het teken erin (U+000B): alle velden, ook die van het plan. */
  function stuurtekens(s) {
    const uit = [], kijk = (pad, w) => { const m = typeof w === 'string' && STUURTEKEN.exec(w); if (m) uit.push({ pad, code: 'stuurteken', melding: vul(F.stuurteken, { teken: codepunt(m[0]) }) }); };
    for (const [pad, w] of Object.entries(s.v)) kijk(pad, w);
    for (const lijst of ['schema', 'extra']) s[lijst].forEach((r, i) => Object.entries(r).forEach(([k, w]) => kijk(`${lijst}[${i + 1}].${k}`, w)));
    for (const [k, w] of Object.entries(s.plan)) kijk(`plan.${k}`, w);
    return uit;
  }
  /** Begin en einde van de periode in het plan: leeg, of een datum als dd-mm-jjjj; het einde niet vóór het begin. */
  function planProblemen(s) {
    const uit = [], iso = {};
    for (const k of ['periode_van', 'periode_tot']) {
      const w = s.plan[k].trim();
      if (!w) continue;
      iso[k] = nlNaarIso(w);
      if (!geldigeDatum(iso[k])) { uit.push({ pad: `plan.${k}`, code: 'datum', melding: M['datum-formulier'] }); delete iso[k]; }
    }
    if (iso.periode_van && iso.periode_tot && iso.periode_tot < iso.periode_van) uit.push({ pad: 'plan.periode_tot', code: 'volgorde', melding: F.periode_volgorde });
    return uit;
  }
  /** Van de invoer in het formulier naar de gegevens van een casus (zoals uit een casusbestand). */
  function gegevensUitStaat(s) {
    const g = { contract: {} };
    const zet = (pad, w) => { if (w === undefined) return; const d = pad.split('.'); let o = g; for (const k of d.slice(0, -1)) o = o[k] = o[k] || {}; o[d[d.length - 1]] = w; };
    // Een veld uit een geopend bestand dat u niet veranderde, houdt zijn waarde precies (spaties, regels in één punt).
    const lees = (sleutel, pad, w) => { const o = (s.origineel || {})[sleutel]; return o && o[0] === w ? o[1] : leesInvoer(pad, w); };
    for (const [pad, w] of Object.entries(s.v)) if (telt(s, pad)) zet(echtPad(pad), lees(`v:${pad}`, pad, w));
    for (const lijst of ['schema', 'extra']) {
      const gevuld = gevuldeRijen(s, lijst);
      if (lijst === 'schema' || gevuld.length) g[lijst] = gevuld.map((i) => { const o = {}; for (const [k, w] of Object.entries(s[lijst][i])) { const v = lees(`${lijst}:${i}:${k}`, `${lijst}.${k}`, w); if (v !== undefined) o[k] = v; } return o; });
    }
    return g;
  }
  /** Van een waarde in de casus naar de tekst in het formulier: 0,5; 08-11-2011; één motivering per regel. */
  function naarInvoer(pad, w) {
    if (pad === 'schema.fasen') return w == null ? '' : fasenTekst(w);
    const soort = specOp(pad).soort;
    return w == null ? (soort === 'janee' ? false : '') : soort === 'getal' ? getal(w, 10) : soort === 'datum' ? nlDatum(w)
      : soort === 'lijst' ? w.join('\n') : soort === 'janee' ? w : String(w);
  }
  function staatUitCasus(c) {
    const s = leeg(), k = c.contract;
    s.duur_soort = k.weken != null ? 'weken' : 'maanden';
    // Een casus van toen (protocol of regime): het vinkje geschiedenis aan, anders telt het niet mee.
    s.historie = c.protocol != null || !!(c.aanvraag && c.aanvraag.regime != null) || !!(c.advies && c.advies.regime != null);
    s.origineel = {};
    const onthoud = (sleutel, tekst, w) => { if (w !== undefined && w !== null) s.origineel[sleutel] = [tekst, w]; return tekst; };
    for (const pad of Object.keys(s.v)) {
      const w = echtPad(pad, s).split('.').reduce((o, d) => o && o[d], c);
      s.v[pad] = onthoud(`v:${pad}`, naarInvoer(echtPad(pad, s), w), typeof w === 'string' || Array.isArray(w) ? w : undefined);
      if (pad === 'kader' && w == null) s.v.kader = c.protocol == null ? R.standaard_kader : ''; // zonder kader: het standaardkader
    }
    for (const lijst of ['schema', 'extra']) {
      s[lijst] = c[lijst].map((r, i) => Object.fromEntries(Object.keys(NIEUW[lijst]).map((n) => [n,
        onthoud(`${lijst}:${i}:${n}`, naarInvoer(`${lijst}.${n}`, r[n]), typeof r[n] === 'string' || Array.isArray(r[n]) ? r[n] : undefined)])));
    }
    return s;
  }

  function h(tag, attrs, ...kinderen) { // een element met attributen, tekst ('tekst') en een klik ('bij')
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v == null) continue;
      if (k === 'tekst') el.textContent = v; else if (k === 'bij') el.addEventListener('click', v); else el.setAttribute(k, v === true ? '' : v);
    }
    for (const k of kinderen.flat()) if (k != null) el.append(k);
    return el;
  }
  const idVan = (pad) => 'rh-' + pad.replace(/[^a-z0-9_]+/gi, '-').replace(/-$/, '');
  const NAMEN = { aard: T.aard, intensiteit: T.intensiteit };
  /** Eén veld met label, hint en een plek voor de melding. `pad` is het veld in de casus ('schema[2].uren'); de soort komt uit het model. */
  function veld(pad, waarde, waar, index) {
    const sleutel = sleutelVan(pad), spec = specOp(sleutelVan(echtPad(pad))), id = idVan(pad);
    const tekst = T.velden[sleutelVan(echtPad(pad))] || {};
    const hint = sleutel === 'schema.fasen' ? F.fasen_hint : tekst.hint && vul(tekst.hint, { weken_per_maand: R.weken_per_maand });
    const naam = sleutel.split('.').pop();
    const keuze = (opties) => h('select', {}, h('option', { value: '', tekst: '(kies)' }), opties.map(([w, t]) => h('option', { value: w, selected: w === waarde, tekst: t })));
    const getalVeld = spec.soort === 'getal' || spec.soort === 'geheel';
    const el = sleutel === 'protocol' ? keuze(R.protocollen.map((p) => [p.id, p.naam + (p.bekend ? '' : ` (${RT.geen_waarden})`)]))
      : sleutel === 'kader' ? keuze(R.kaders.filter((k) => k.soort === 'nu').map((k) => [k.id, k.naam]))
        : spec.soort === 'keuze' ? keuze(spec.keuzes.map((k) => [k, (NAMEN[naam] || {})[k] || hoofdletter(k)]))
          : naam === 'doel' ? keuze(DOELEN.map((d) => [String(d), `${d}: ${R.coachingsdoelen[d]}`]))
            : spec.soort === 'janee' ? h('input', { type: 'checkbox', checked: waarde }) : spec.soort === 'lijst' ? h('textarea', { rows: 2, tekst: waarde })
              : h('input', { type: 'text', value: waarde, autocomplete: 'off', inputmode: getalVeld ? (spec.soort === 'geheel' ? 'numeric' : 'decimal') : null, class: getalVeld ? 'rh-getal' : null });
    Object.assign(el, { id }); Object.assign(el.dataset, { pad, waar, sleutel: waar === 'v' ? pad : naam, index: index ?? '' });
    const melding = h('p', { class: 'rh-melding', id: id + '-melding', hidden: true });
    const uitleg = sleutel === 'protocol' ? (PROTOCOLLEN.get(waarde) ? (PROTOCOLLEN.get(waarde).bekend ? vul(RT.protocol_bekend, { bekend: PROTOCOLLEN.get(waarde).bekend }) : RT.protocol_onbekend) : hint) : hint;
    el.setAttribute('aria-describedby', [uitleg ? id + '-hint' : null, melding.id].filter(Boolean).join(' '));
    const label = spec.soort === 'janee' ? h('label', { for: id, class: 'rh-vinkje' }, el, ' ' + tekst.label) : h('label', { for: id, tekst: tekst.label });
    return h('div', { class: 'rh-veld' }, label, uitleg ? h('p', { class: 'rh-hint', id: id + '-hint', tekst: uitleg }) : null, melding, spec.soort === 'janee' ? null : el);
  }
  const PLAN_HINT = { referentie: F.referentie_hint, periode_van: F.datum_hint, periode_tot: F.datum_hint };
  /** Een veld voor het plan (alleen in het Word-bestand): tekst, met label uit teksten.yml (plan). */
  function planVeld(naam) {
    const pad = `plan.${naam}`, id = idVan(pad), hint = PLAN_HINT[naam];
    const el = h('input', { type: 'text', id, value: staat.plan[naam], autocomplete: 'off', 'data-pad': pad, 'data-waar': 'plan', 'data-sleutel': naam,
      'aria-describedby': [hint ? id + '-hint' : null, id + '-melding'].filter(Boolean).join(' ') });
    return h('div', { class: 'rh-veld' }, h('label', { for: id, tekst: T.plan[naam] }),
      hint ? h('p', { class: 'rh-hint', id: id + '-hint', tekst: hint }) : null, h('p', { class: 'rh-melding', id: id + '-melding', hidden: true }), el);
  }
  const knop = (tekst, attrs = {}) => h('button', { type: 'button', class: 'md-button', tekst, ...attrs });
  const LIJSTEN = {
    schema: { kop: (i) => vul(F.schema_kop, { rij: i }), erbij: F.schema_erbij, weg: (i) => vul(F.schema_weg, { rij: i }) },
    extra: { kop: (i) => vul(F.extra_kop, { rij: i }), erbij: F.extra_erbij, weg: (i) => vul(F.extra_weg, { rij: i }), hint: F.extra_hint },
  };
  const lijstBlok = (lijst, legend) => h('fieldset', { class: 'rh-lijst', id: idVan(lijst) }, h('legend', { tekst: legend }),
    LIJSTEN[lijst].hint ? h('p', { class: 'rh-hint', tekst: LIJSTEN[lijst].hint }) : null,
    staat[lijst].map((r, i) => h('fieldset', { class: 'rh-rij' }, h('legend', { tekst: LIJSTEN[lijst].kop(i + 1) }),
      Object.keys(NIEUW[lijst]).map((k) => veld(`${lijst}[${i + 1}].${k}`, r[k], lijst, i)),
      knop(LIJSTEN[lijst].weg(i + 1), { 'data-actie': 'weg', 'data-lijst': lijst, 'data-index': i }))),
    knop(LIJSTEN[lijst].erbij, { 'data-actie': 'erbij', 'data-lijst': lijst }));

  const samenvatting = h('div', { class: 'rh-foutsamenvatting', id: 'rh-foutsamenvatting', tabindex: '-1', role: 'alert', hidden: true });
  const formulier = h('form', { class: 'rh-formulier', novalidate: true });
  const status = h('p', { class: 'rh-status', role: 'status', 'aria-live': 'polite' });
  const uitkomst = h('div', { class: 'rh-uitkomst', id: 'rh-uitkomst' });
  const bestandMelding = h('div', { class: 'rh-bestand', role: 'alert' });
  const kiezer = h('input', { type: 'file', id: 'rh-openen', accept: '.yml,.yaml', hidden: true, 'aria-label': 'Casusbestand kiezen' });
  const geraakt = new Set(), gewijzigd = new Set(); // velden die u veranderde en verliet: alleen daar staan meldingen
  let allesTonen = false; // na Bereken, Opslaan, Word of Afdrukken: alle meldingen en de samenvatting

  function tekenFormulier(focus) {
    const v = (pad) => veld(pad, staat.v[pad], 'v');
    const alsHetTelt = (pad) => (telt(staat, pad) ? v(pad) : null);
    formulier.replaceChildren(
      h('fieldset', {}, h('legend', { tekst: F.aanvraag_legend }), v('titel'), staat.historie && staat.v.protocol ? null : v('kader'),
        alsHetTelt('verordening'), v('periode'), alsHetTelt('vorige_uren'), v('datum'), v('bron')),
      h('fieldset', {}, h('legend', { tekst: 'Contract' }), v('contract.uren_per_week'),
        h('fieldset', { class: 'rh-keuze' }, h('legend', { tekst: 'Duur van het contract in' }), ['maanden', 'weken'].map((w) => h('label', {},
          h('input', { type: 'radio', name: 'rh-duur-soort', value: w, checked: staat.duur_soort === w, 'data-actie': 'duur' }), ' ' + w))),
        v('contract.duur'), staat.duur_soort === 'maanden' ? v('weken_per_maand') : null, v('contract.proefplaatsing'), v('contract.loonwaarde_wml')),
      h('fieldset', {}, h('legend', { tekst: F.uren_legend }), v('aanvraag.uren'), v('advies.uren')),
      lijstBlok('schema', 'Schema begeleidingsbehoefte'), lijstBlok('extra', 'Vaste extra uren'),
      h('fieldset', { class: 'rh-historie', id: 'rh-historie' }, h('legend', { tekst: RT.historie_legend }),
        h('label', { class: 'rh-vinkje', for: 'rh-historie-aan' }, h('input', { type: 'checkbox', id: 'rh-historie-aan', checked: staat.historie, 'data-actie': 'historie',
          'aria-describedby': 'rh-historie-hint' }), ' ' + RT.historie_label), h('p', { class: 'rh-hint', id: 'rh-historie-hint', tekst: RT.historie_hint }),
        staat.historie ? ['protocol', 'aanvraag.regime', 'advies.regime'].map(v) : null),
      h('fieldset', { class: 'rh-plan' }, h('legend', { tekst: F.plan_legend }), h('p', { class: 'rh-hint', tekst: F.plan_hint }), Object.keys(PLAN).map(planVeld)));
    if (focus) formulier.querySelector(focus)?.focus();
  }

  const veldVoor = (pad) => (/^contract\.(maanden|weken)$/.test(pad) ? 'contract.duur' : pad);
  const labelVan = (pad) => (T.velden[sleutelVan(pad)] || {}).label || pad;
  const LEEG = new Set(['ontbreekt', 'leeg', 'te_kort']); // een verplicht veld (of het schema) is leeg
  /** De melding bij een veld: bij een leeg verplicht veld wat u moet doen ('Vul de contracturen per week in'). */
  function meldingTekst(p, pad, el) {
    const sleutel = sleutelVan(pad), rij = /^(?:schema|extra)\[(\d+)\]/.exec(pad);
    if (LEEG.has(p.code) && F.leeg[sleutel]) return { tekst: F.leeg[sleutel] + (rij ? vul(F.in_rij, { rij: rij[1] }) : ''), eigen: true };
    if (p.code === 'stuurteken' || p.code === 'volgorde') return { tekst: p.melding, eigen: true };
    if (sleutel === 'schema.fasen' && p.code === 'lijst') return { tekst: F.fasen_vorm + vul(F.in_rij, { rij: rij[1] }), eigen: true };
    return { tekst: p.code === 'getal' && el ? M['getal-formulier'] : p.code === 'datum' && el ? M['datum-formulier'] : p.melding.replace(/ \(gevonden: .*?\)/, ''), eigen: false };
  }
  /** Meldingen bij de velden, en bovenaan de samenvatting (GOV.UK): in de volgorde van het formulier, met een link naar elk veld. */
  function toonMeldingen(problemen) {
    const per = new Map();
    for (const p of problemen) {
      const pad = veldVoor(p.pad), el = formulier.querySelector(`[data-pad="${CSS.escape(pad)}"]`);
      if (!allesTonen && !geraakt.has(pad)) continue;
      const doel = el || document.getElementById(idVan(pad.split(/[.[]/)[0])) || formulier;
      per.set(pad, [...(per.get(pad) || []), { ...meldingTekst(p, pad, el), el, doel, pad: p.pad }]);
    }
    formulier.querySelectorAll('[data-pad]').forEach((el) => {
      const m = document.getElementById(el.id + '-melding'), fout = per.get(el.dataset.pad);
      m.hidden = !fout; m.textContent = fout ? fout.map((f) => f.tekst).join(' ') : '';
      if (fout) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid');
    });
    const volgorde = (a, b) => (a.doel === b.doel ? 0 : a.doel.compareDocumentPosition(b.doel) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
    const lijst = [...per.values()].flat().sort(volgorde);
    samenvatting.hidden = !(allesTonen && lijst.length);
    samenvatting.replaceChildren(...(samenvatting.hidden ? [] : [h('h2', { tekst: F.samenvatting_titel }), h('p', { tekst: F.samenvatting_tekst }),
      h('ul', {}, lijst.map((f) => h('li', {}, h('a', { href: '#' + (f.el ? f.el.id : f.doel.id), tekst: f.eigen ? f.tekst : `${labelVan(f.pad)}: ${f.tekst}` }))))]));
  }

  // Een tabel die breder is dan het scherm, schuift in haar vak: dan krijgt het vak focus, de rol region en het
  // bijschrift als naam (zoals toegankelijkheid.js doet met de tabellen die er bij het laden al zijn).
  function schuifvak(vak) {
    const schuift = vak.scrollWidth > vak.clientWidth + 1, bijschrift = vak.querySelector('caption');
    for (const [k, w] of [['tabindex', '0'], ['role', 'region'], ['aria-label', 'Tabel: ' + (bijschrift ? bijschrift.textContent.trim() : '')]]) {
      if (schuift) vak.setAttribute(k, w); else vak.removeAttribute(k);
    }
  }
  const waarnemer = 'ResizeObserver' in window ? new ResizeObserver((items) => items.forEach((i) => schuifvak(i.target))) : null;
  let laatste = null; // de laatst berekende uitkomst (voor Opslaan en Word)
  let planFout = false; // een melding bij een veld van het plan: geen Word-bestand
  function reken() {
    let casus = null, problemen = [];
    try { casus = laadObject(gegevensUitStaat(staat)); } catch (f) { if (!(f instanceof CasusFout)) throw f; problemen = f.problemen; }
    problemen = problemen.map((p) => ({ ...p, pad: formulierPad(staat, p.pad) }));
    const eigen = [...stuurtekens(staat), ...planProblemen(staat)]; // alleen het formulier: tekens en het plan
    if (eigen.some((p) => !p.pad.startsWith('plan.'))) casus = null; // een stuurteken komt nooit in de uitkomst
    problemen = [...eigen, ...problemen.filter((p) => !eigen.some((e) => e.pad === p.pad))];
    planFout = eigen.length > 0;
    toonMeldingen(problemen);
    laatste = casus && bereken(casus);
    if (!laatste) {
      const n = [...formulier.querySelectorAll('[aria-invalid]')].length;
      status.textContent = allesTonen || n ? 'De uitkomst komt hier als de meldingen zijn opgelost.' : 'Vul het formulier in. De uitkomst komt hier.';
      uitkomst.replaceChildren();
      return null;
    }
    const u = laatste;
    status.textContent = vul(RT.status, { uren: uren(u.begeleidingsuren), per_week: uren(u.uren_per_week) })
      + (toontHistorie(u, staat.historie) ? ' ' + vul(RT.status_historisch, { percentage: procentAfgekapt(u.percentage) }) : '');
    uitkomst.innerHTML = onderbouwing(u, staat.historie).map((b) => blokHtml(b, u)).join('\n');
    uitkomst.querySelectorAll('.md-typeset__scrollwrap').forEach((vak) => { schuifvak(vak); if (waarnemer) waarnemer.observe(vak); });
    laadWord().catch(() => {}); // er is een uitkomst: het Word-script alvast halen (niet bij het laden van de pagina)
    return u;
  }
  function allesControleren() {
    allesTonen = true;
    const u = reken();
    if (!u) { samenvatting.focus(); samenvatting.scrollIntoView({ block: 'start' }); }
    return u;
  }
  const bestandsnaam = (titel, ext) => (titel.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'casus') + ext;
  function download(blob, naam) {
    const url = URL.createObjectURL(blob), a = h('a', { href: url, download: naam });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    bestandMelding.replaceChildren(h('p', { tekst: `Opgeslagen als ${naam}.` }));
  }
  const ACTIES = {
    bereken: allesControleren,
    opslaan: () => { const u = allesControleren(); if (u) download(new Blob([naarYaml(u.casus)], { type: 'application/yaml' }), bestandsnaam(u.casus.titel, '.yml')); },
    word: async () => {
      const u = allesControleren();
      if (u && planFout) { samenvatting.focus(); samenvatting.scrollIntoView({ block: 'start' }); }
      if (!u || planFout) return;
      try { download((await laadWord()).word(u, staat.plan, staat.historie), 'coachingsplan-' + bestandsnaam(u.casus.titel, '.docx')); } catch (f) {
        bestandMelding.replaceChildren(h('p', { class: 'rh-fout', tekst: F.word_fout }));
      }
    },
    afdrukken: () => { if (allesControleren()) window.print(); },
    openen: () => kiezer.click(),
    wissen: () => { if (window.confirm('Alles wat u hebt ingevuld wissen?')) { staat = leeg(); geraakt.clear(); gewijzigd.clear(); allesTonen = false; tekenFormulier('#rh-titel'); bewaar(); reken(); } },
  };

  let wacht = null; // tijdens het typen pas rekenen als er even niets gebeurt
  formulier.addEventListener('input', (e) => {
    const { waar, sleutel, index } = e.target.dataset;
    if (waar) (waar === 'v' ? staat.v : waar === 'plan' ? staat.plan : staat[waar][Number(index)])[sleutel] = e.target.type === 'checkbox' ? e.target.checked : e.target.value;
    if (waar) gewijzigd.add(e.target.dataset.pad);
    if (e.target.dataset.actie === 'duur') { staat.duur_soort = e.target.value; tekenFormulier(`[data-actie="duur"][value="${staat.duur_soort}"]`); }
    if (e.target.dataset.actie === 'historie') { staat.historie = e.target.checked; tekenFormulier('#rh-historie-aan'); }
    // Velden die andere velden tonen of verbergen (en de hint van de protocolversie): het formulier opnieuw, de focus blijft.
    if (['rh-protocol', 'rh-kader'].includes(e.target.id)) tekenFormulier('#' + e.target.id);
    clearTimeout(wacht);
    wacht = setTimeout(() => { bewaar(); reken(); }, 150);
  });
  formulier.addEventListener('change', (e) => { // de periode: pas na het typen (een verlenging toont de uren van de vorige periode)
    if (e.target.id === 'rh-periode') tekenFormulier('#rh-periode');
  });
  formulier.addEventListener('focusout', (e) => { // een veld dat u veranderde en verlaat, wordt gecontroleerd
    const pad = e.target.dataset && e.target.dataset.pad;
    if (pad && (geraakt.has(pad) || gewijzigd.has(pad) || e.target.value)) { geraakt.add(pad); clearTimeout(wacht); bewaar(); reken(); }
  });
  formulier.addEventListener('click', (e) => {
    const k = e.target.closest('button[data-actie]');
    if (!k) return;
    const { actie, lijst } = k.dataset, i = Number(k.dataset.index), rij = (n) => '#' + idVan(`${lijst}[${n}].${Object.keys(NIEUW[lijst])[0]}`);
    if (actie === 'erbij') staat[lijst].push({ ...NIEUW[lijst] });
    else staat[lijst].splice(i, 1);
    tekenFormulier(actie === 'erbij' ? rij(staat[lijst].length) : staat[lijst].length ? rij(Math.min(i, staat[lijst].length - 1) + 1) : `#${idVan(lijst)} > button`);
    bewaar(); reken();
  });
  formulier.addEventListener('submit', (e) => { e.preventDefault(); allesControleren(); });
  samenvatting.addEventListener('click', (e) => {
    const a = e.target.closest('a');
    const doel = a && document.getElementById(a.getAttribute('href').slice(1));
    if (doel) { e.preventDefault(); doel.scrollIntoView({ block: 'center' }); doel.focus(); }
  });
  kiezer.addEventListener('change', async () => {
    const bestand = kiezer.files[0];
    kiezer.value = '';
    if (!bestand) return;
    const begin = new Uint8Array(await bestand.slice(0, 8).arrayBuffer());
    const zipOfDoc = (begin[0] === 0x50 && begin[1] === 0x4b && begin[2] === 0x03 && begin[3] === 0x04) || (begin[0] === 0xd0 && begin[1] === 0xcf && begin[2] === 0x11 && begin[3] === 0xe0);
    if (/\.docx?$/i.test(bestand.name) || zipOfDoc) { // een Word-bestand (.docx is een zip, .doc begint met D0 CF 11 E0)
      bestandMelding.replaceChildren(h('p', { class: 'rh-fout', tekst: vul(F.word_bestand, { bestand: bestand.name }) }));
      return;
    }
    try {
      await laadLezer();
      staat = staatUitCasus(laadYaml(tekstUitBytes(new Uint8Array(await bestand.arrayBuffer()), bestand.name), bestand.name));
      geraakt.clear(); allesTonen = false;
      tekenFormulier('#rh-titel'); bewaar(); reken();
      bestandMelding.replaceChildren(h('p', { tekst: `Geopend: ${bestand.name}.` }));
    } catch (f) {
      const regels = f instanceof CasusFout ? f.problemen.map(probleemTekst) : [`${bestand.name}: het bestand kan niet worden gelezen`];
      bestandMelding.replaceChildren(h('p', { class: 'rh-fout', tekst: 'Dit bestand kan niet worden geopend. Het formulier is niet veranderd.' }),
        h('ul', { class: 'rh-fout' }, regels.map((t) => h('li', { tekst: t }))));
    }
  });

  const actie = (tekst, naam, hoofd) => knop(tekst, { class: hoofd ? 'md-button md-button--primary' : 'md-button', bij: ACTIES[naam] });
  wortel.replaceChildren(samenvatting, formulier,
    h('div', { class: 'rh-knoppen' }, actie('Bereken', 'bereken', true), actie('Opslaan als casus', 'opslaan'), actie('Casus openen', 'openen'), kiezer,
      actie('Alles wissen', 'wissen')),
    bestandMelding,
    h('h2', { id: 'uitkomst', tekst: 'Uitkomst' }), status,
    h('div', { class: 'rh-knoppen' }, actie('Word-bestand maken', 'word'), actie('Afdrukken', 'afdrukken')), uitkomst);
  tekenFormulier();
  reken();
}());
