/*! Rekenhulp van Leidraad Jobcoach online. Licentie: EUPL-1.2. Leesbare bron: docs/javascripts/rekenhulp.js */
/*
 * Rekent het schema begeleidingsbehoefte door in de browser, precies zoals het Python-pakket
 * `jobcoach` dat doet voor de casuspagina's (src/jobcoach/berekening.py, controles.py, opmaak.py,
 * tabellen.py, yamlbron.py). De regels en het gegevensmodel komen niet uit deze code, maar uit het
 * JSON-blok #rekenhulp-regels dat de site bij het bouwen in de pagina zet (jobcoach/rekenhulp.py).
 *
 * Rekenen gebeurt met exacte breuken (BigInt), net als Python met Fraction. Een getal uit YAML of
 * uit het formulier telt, net als in Python, met de kortste decimale schrijfwijze van het getal.
 * Niets van wat de gebruiker invult verlaat de browser; de invoer staat alleen in localStorage.
 * Test: tests/browser/test_rekenhulp*.py vergelijkt honderden gevallen met het Python-pakket.
 * Bij het bouwen haalt de site commentaar en witruimte uit dit bestand (macros: on_post_build, rjsmin).
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // Exacte breuken

  const gcd = (a, b) => { if (a < 0n) a = -a; while (b) [a, b] = [b, a % b]; return a; };
  function B(n, d = 1n) {
    if (d < 0n) { n = -n; d = -d; }
    const g = gcd(n, d) || 1n;
    return { n: n / g, d: d / g };
  }
  const NUL = B(0n), EEN = B(1n), HONDERD = B(100n);
  const plus = (a, b) => B(a.n * b.d + b.n * a.d, a.d * b.d);
  const maal = (a, b) => B(a.n * b.n, a.d * b.d);
  const deel = (a, b) => B(a.n * b.d, a.d * b.n);
  const vergelijk = (a, b) => { const x = a.n * b.d, y = b.n * a.d; return x < y ? -1 : x > y ? 1 : 0; };
  const tien = (k) => 10n ** BigInt(k);
  const vloer = (a) => { const q = a.n / a.d; return a.n < 0n && q * a.d !== a.n ? q - 1n : q; };

  // De kortste cijferreeks van een getal (zoals Python repr en JavaScript String dat kiezen).
  function cijfers(x) {
    const [m, e] = Math.abs(x).toExponential().split('e');
    return { neg: x < 0 || Object.is(x, -0), c: m.replace('.', ''), e: Number(e) };
  }

  /** Python `breuk()`: een getal als exacte breuk, via zijn kortste schrijfwijze (0.1 is 1/10). */
  function breuk(x) {
    if (typeof x === 'bigint') return B(x);
    if (Number.isSafeInteger(x)) return B(BigInt(x));
    const { neg, c, e } = cijfers(x);
    const k = e - (c.length - 1);
    const n = neg ? -BigInt(c) : BigInt(c);
    return k >= 0 ? B(n * tien(k)) : B(n, tien(-k));
  }

  /** Python `repr(float)`: 1.0, 0.5, 1e-05, 1.5e+16, inf, nan. */
  function pyFloat(x) {
    if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
    const { neg, c, e } = cijfers(x);
    let s;
    if (x === 0) s = '0.0';
    else if (e >= -4 && e < 16) {
      s = e >= 0 ? c.slice(0, e + 1).padEnd(e + 1, '0') + '.' + (c.slice(e + 1) || '0')
        : '0.' + '0'.repeat(-e - 1) + c;
    } else s = c[0] + (c.length > 1 ? '.' + c.slice(1) : '') + 'e' + (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
    return (neg ? '-' : '') + s;
  }

  // ---------------------------------------------------------------------------------------------
  // Nederlandse notatie (zoals jobcoach/opmaak.py met Babel, nl_NL)

  // Python `_decimaal`: Decimal(teller) / Decimal(noemer) rekent op 28 cijfers (half-even), daarna
  // afronden op `dec` decimalen, half naar boven. Geeft een geheel getal m: de waarde is m / 10^dec.
  function decimaal(w, dec) {
    const neg = w.n < 0n, n = neg ? -w.n : w.n, d = w.d;
    if (n === 0n) return 0n;
    const deling = (k) => (k >= 0 ? [n * tien(k), d] : [n, d * tien(-k)]);
    let k = 27 - (n.toString().length - d.toString().length);
    let [a, b] = deling(k);
    while (a / b >= tien(28)) [a, b] = deling(--k);
    while (a / b < tien(27)) [a, b] = deling(++k);
    let q = a / b;
    const r2 = 2n * (a % b);
    if (r2 > b || (r2 === b && q % 2n === 1n)) q += 1n;
    const [x, y] = dec - k >= 0 ? [q * tien(dec - k), 1n] : [q, tien(k - dec)];
    let m = x / y;
    if (2n * (x % y) >= y) m += 1n;
    return neg ? -m : m;
  }

  function notatie(m, dec, vast) {
    const neg = m < 0n;
    const s = (neg ? -m : m).toString().padStart(dec + 1, '0');
    const geheel = s.slice(0, s.length - dec).replace(/\B(?=(\d{3})+$)/g, '.');
    let frac = s.slice(s.length - dec);
    if (!vast) frac = frac.replace(/0+$/, '');
    return (neg ? '-' : '') + geheel + (frac ? ',' + frac : '');
  }
  const alsBreuk = (w) => (typeof w === 'object' ? w : breuk(w));
  /** Hoogstens twee decimalen, afgerond, zonder nullen achteraan: 0,5; 1,75; 1.000. */
  const getal = (w, dec = 2) => notatie(decimaal(alsBreuk(w), dec), dec, false);
  const uren = (w) => getal(w, 2);
  const procent = (w) => getal(w, 2) + '%';
  /** Een berekend percentage, afgekapt (niet afgerond) op twee decimalen: 4,375 → 4,37%. */
  const procentAfgekapt = (p) => notatie(decimaal(B(vloer(maal(p, HONDERD)), 100n), 2), 2, true) + '%';

  // ---------------------------------------------------------------------------------------------
  // Regels en model uit de pagina

  const bron = document.getElementById('rekenhulp-regels');
  if (!bron) throw new Error('rekenhulp: de regels (#rekenhulp-regels) ontbreken in de pagina');
  const R = JSON.parse(bron.textContent);
  const PROTOCOLLEN = new Map(R.protocollen.map((p) => [p.id, p]));
  const DOELEN = Object.keys(R.coachingsdoelen).map(Number).sort((a, b) => a - b);
  const WPM = B(BigInt(R.weken_per_maand));
  const MODELLEN = R.modellen;
  const keuzes = (model, veld) => MODELLEN[model].find((v) => v.naam === veld).keuzes;

  // ---------------------------------------------------------------------------------------------
  // Berekening (jobcoach/berekening.py)

  function bereken(casus) {
    const protocol = PROTOCOLLEN.get(casus.protocol);
    const c = casus.contract;
    const weken = c.weken != null ? breuk(c.weken) : maal(breuk(c.maanden), WPM);
    const contracturen = maal(breuk(c.uren_per_week), weken);
    const perDoel = new Map(DOELEN.map((d) => [d, NUL]));
    const rijen = casus.schema.map((rij, i) => {
      let perWeek = NUL, keren = NUL, totaal = NUL;
      const telt = rij.door === 'jobcoach';
      if (telt) {
        const u = breuk(rij.uren);
        if (rij.intensiteit === 'eenmalig') { perWeek = deel(u, weken); keren = EEN; } else {
          const elke = { wekelijks: EEN, tweewekelijks: B(2n), maandelijks: WPM }[rij.intensiteit];
          perWeek = deel(u, elke); keren = deel(weken, elke);
        }
        totaal = maal(u, keren);
        perDoel.set(rij.doel, plus(perDoel.get(rij.doel), totaal));
      }
      return { nummer: i + 1, rij, telt_mee: telt, uren_per_week: perWeek, keren, totaal };
    });
    for (const e of casus.extra) perDoel.set(e.doel, plus(perDoel.get(e.doel), breuk(e.uren)));
    let begeleidingsuren = NUL;
    for (const u of perDoel.values()) begeleidingsuren = plus(begeleidingsuren, u);
    const u = {
      casus, protocol, weken, contracturen, rijen, extra: casus.extra, begeleidingsuren,
      uren_per_week: deel(begeleidingsuren, weken), uren_per_doel: perDoel,
      percentage: maal(deel(begeleidingsuren, contracturen), HONDERD),
    };
    u.bevindingen = controleer(u);
    return u;
  }

  // ---------------------------------------------------------------------------------------------
  // Controles (jobcoach/controles.py)

  function controleer(u) {
    const { casus, protocol } = u, c = casus.contract, uit = [];
    const b = (code, tekst, veld) => uit.push({ code, tekst, veld });
    const regimes = [['aanvraag.regime', casus.aanvraag, 'aangevraagde'], ['advies.regime', casus.advies, 'geadviseerde']];
    if (casus.advies && vergelijk(breuk(casus.advies.regime), u.percentage) < 0) {
      b('advies-onder-berekening', `Het geadviseerde regime (${procent(casus.advies.regime)}) is lager dan het ` +
        `berekende percentage (${procentAfgekapt(u.percentage)}).`, 'advies.regime');
    }
    const max = protocol.maximum;
    for (const [veld, r, wie] of regimes) {
      if (r && max != null && r.regime > max) {
        b(veld.split('.')[0] + '-boven-maximum', `Het ${wie} regime (${procent(r.regime)}) is hoger dan het maximum van ` +
          `${protocol.naam} (${procent(max)}).`, veld);
      }
    }
    const normaal = protocol.normaal_max;
    if (normaal != null) {
      for (const [veld, r, wie] of regimes) {
        if (!r || r.regime <= normaal || (max != null && r.regime > max)) continue;
        b(veld.split('.')[0] + '-vraagt-onderbouwing', `Het ${wie} regime (${procent(r.regime)}) is hoger dan de ` +
          `${procent(normaal)} die in de eerste periode normaal is. Dat kan alleen met een uitdrukkelijke onderbouwing.`, veld);
      }
    }
    const s = protocol.standaard;
    if (s) {
      if (s.min_maanden != null && !(s.proefplaatsing_telt && c.proefplaatsing)) {
        const minWeken = maal(breuk(s.min_maanden), WPM);
        if (vergelijk(u.weken, minWeken) < 0) {
          b('contract-te-kort', `Het contract duurt ${getal(u.weken)} weken. De standaardsituatie van ${protocol.naam} ` +
            `vraagt minstens ${getal(s.min_maanden)} maanden (${getal(minWeken)} weken)` +
            (s.proefplaatsing_telt ? ' of een proefplaatsing.' : '.'), 'contract');
        }
      }
      if (s.min_uren_per_week != null && c.uren_per_week < s.min_uren_per_week) {
        b('contract-te-weinig-uren', `Het contract heeft ${getal(c.uren_per_week)} uur per week. De standaardsituatie ` +
          `vraagt minstens ${getal(s.min_uren_per_week)} uur per week.`, 'contract.uren_per_week');
      }
      if (s.min_loonwaarde_wml != null && c.loonwaarde_wml != null && c.loonwaarde_wml < s.min_loonwaarde_wml) {
        b('loonwaarde-te-laag', `De loonwaarde is ${procent(c.loonwaarde_wml)} van het WML. De standaardsituatie ` +
          `vraagt minstens ${procent(s.min_loonwaarde_wml)}.`, 'contract.loonwaarde_wml');
      }
    }
    if (casus.datum && !(protocol.geldig_van <= casus.datum && (!protocol.geldig_tot || casus.datum <= protocol.geldig_tot))) {
      b('datum-buiten-protocol', `De datum van de casus (${casus.datum}) valt buiten de geldigheid van ${protocol.naam} ` +
        `(${protocol.geldig_van} tot en met ${protocol.geldig_tot || 'heden'}).`, 'datum');
    }
    if (u.begeleidingsuren.n === 0n) b('geen-uren', 'Geen enkele rij van de jobcoach telt uren: het percentage is 0.', 'schema');
    return uit;
  }

  // ---------------------------------------------------------------------------------------------
  // Tabellen: dezelfde HTML als jobcoach/tabellen.py

  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
  const hoofdletter = (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  const INTENSITEIT = R.teksten.intensiteit, AARD = R.teksten.aard;

  function cel(inhoud, kop, rechts, scope) {
    const tag = kop ? 'th' : 'td';
    const attrs = (scope ? ` scope="${scope}"` : '') + (rechts ? ' style="text-align: right"' : '');
    return `<${tag}${attrs}>${inhoud}</${tag}>`;
  }
  function tabel(bijschrift, koppen, rijen, rechts = new Set(), voet = []) {
    const d = ['<table>', `<caption>${bijschrift}</caption>`, '<thead><tr>'];
    koppen.forEach((k, i) => d.push(cel(k, true, rechts.has(i), 'col')));
    d.push('</tr></thead><tbody>');
    for (const r of rijen) d.push('<tr>' + r.map((c, i) => cel(c, false, rechts.has(i))).join('') + '</tr>');
    d.push('</tbody>');
    if (voet.length) {
      d.push('<tfoot>');
      for (const r of voet) d.push('<tr>' + cel(r[0], true, false, 'row') + r.slice(1).map((c, i) => cel(c, false, rechts.has(i + 1))).join('') + '</tr>');
      d.push('</tfoot>');
    }
    d.push('</table>');
    return d.join('\n');
  }
  function duurTekst(rij) {
    if (rij.uren == null) return '';
    const per = { wekelijks: 'per week', tweewekelijks: 'per 2 weken', maandelijks: 'per maand', eenmalig: 'eenmalig' }[rij.intensiteit] || '';
    return `${uren(rij.uren)} uur ${per}`.trim();
  }
  function motivering(rij) {
    const m = rij.motivering;
    if (!m.length) return '';
    return m.length === 1 ? esc(m[0]) : '<ul>' + m.map((x) => `<li>${esc(x)}</li>`).join('') + '</ul>';
  }

  function schemaHtml(u) {
    const koppen = ['Aard van de begeleiding', 'Gericht op het knelpunt', 'Door wie?', 'Aan wie?',
      'Duur van de begeleiding', 'Intensiteit van de begeleiding', 'Motivering'];
    const rijen = u.rijen.map(({ rij }) => [AARD[rij.aard], esc(rij.knelpunt), hoofdletter(rij.door), esc(rij.aan || ''),
      esc(duurTekst(rij)), INTENSITEIT[rij.intensiteit] || '', motivering(rij)]);
    for (const e of u.extra) {
      rijen.push(['Vaste uren', esc(e.omschrijving), 'Jobcoach', '', `${uren(e.uren)} uur`, 'Vast aantal uren',
        esc(`Doel ${e.doel}: ${R.coachingsdoelen[e.doel]}`)]);
    }
    return tabel(`Schema begeleidingsbehoefte: ${esc(u.casus.titel)}`, koppen, rijen);
  }

  function berekeningHtml(u) {
    const weken = getal(u.weken), c = u.casus;
    const koppen = ['Rij', 'Knelpunt', 'Door', 'Doel', 'Uren per keer', 'Intensiteit', 'Uren per week', 'Aantal keer', 'Totaal uren'];
    const getallen = new Set([0, 4, 6, 7, 8]);
    const rijen = u.rijen.map((r) => (r.telt_mee
      ? [String(r.nummer), esc(r.rij.knelpunt), 'Jobcoach', String(r.rij.doel), uren(r.rij.uren),
        INTENSITEIT[r.rij.intensiteit], uren(r.uren_per_week), getal(r.keren), uren(r.totaal)]
      : [String(r.nummer), esc(r.rij.knelpunt), hoofdletter(r.rij.door), '', '', '', '', '', 'telt niet mee (niet door de jobcoach)']));
    for (const e of u.extra) rijen.push(['vast', esc(e.omschrijving), 'Jobcoach', String(e.doel), '', 'Vast aantal uren', '', '', uren(e.uren)]);
    const voet = [['Totaal begeleidingsuren', '', '', '', '', '', '', '', uren(u.begeleidingsuren)]];
    const perRij = tabel(`Urenberekening per rij (contract van ${weken} weken)`, koppen, rijen, getallen, voet);
    const perDoel = tabel('Begeleidingsuren per coachingsdoel', ['Doel', 'Omschrijving', 'Uren'],
      DOELEN.map((d) => [String(d), esc(R.coachingsdoelen[d]), uren(u.uren_per_doel.get(d))]), new Set([0, 2]),
      [['Totaal', '', uren(u.begeleidingsuren)]]);
    const samenvatting = [
      ['Protocol', esc(u.protocol.naam)],
      ['Contract', `${getal(c.contract.uren_per_week)} uur per week × ${weken} weken`],
      ['Contracturen', uren(u.contracturen)],
      ['Begeleidingsuren', uren(u.begeleidingsuren)],
      ['Gemiddeld per week', `${uren(u.uren_per_week)} uur`],
      ['Percentage van de contracturen', `(${uren(u.begeleidingsuren)}/${uren(u.contracturen)}) × 100% = ${procentAfgekapt(u.percentage)}`],
      ['Aangevraagd regime', procent(c.aanvraag.regime)],
      ['Geadviseerd regime', c.advies ? procent(c.advies.regime) : 'nog geen advies'],
    ];
    const totalen = ['<table>', '<caption>Samenvatting van de urenberekening</caption>',
      '<thead><tr><th scope="col">Onderdeel</th><th scope="col">Uitkomst</th></tr></thead><tbody>']
      .concat(samenvatting.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`), ['</tbody>', '</table>']).join('\n');
    return [perRij, perDoel, totalen].join('\n\n');
  }

  function bevindingenHtml(u) {
    if (!u.bevindingen.length) {
      return '<div class="admonition success"><p class="admonition-title">Geen bevindingen</p>' +
        '<p>De controles vonden niets om op te letten.</p></div>';
    }
    return '<div class="admonition warning"><p class="admonition-title">Bevindingen van de controles</p>' +
      '<ul>' + u.bevindingen.map((b) => `<li>${esc(b.tekst)}</li>`).join('') + '</ul></div>';
  }

  // ---------------------------------------------------------------------------------------------
  // YAML lezen zoals PyYAML (YAML 1.1: yes/no, 0o-getallen, datums), met regelnummers

  class Waarde {}
  class Kommagetal extends Waarde { constructor(w) { super(); this.w = w; } }
  class Datum extends Waarde { constructor(iso, tekst, geldig) { super(); Object.assign(this, { iso, tekst, geldig }); } }
  const Y = window.jsyaml;
  const geldigeDatum = (j, m, d) => { const t = new Date(Date.UTC(j, m - 1, d)); return t.getUTCFullYear() === j && t.getUTCMonth() === m - 1 && t.getUTCDate() === d; };

  function geheelUitYaml(s) {
    let v = s.replace(/_/g, ''), teken = 1n;
    if (v[0] === '-' || v[0] === '+') { if (v[0] === '-') teken = -1n; v = v.slice(1); }
    let n;
    if (v === '0') n = 0n;
    else if (v.startsWith('0b')) n = BigInt(v);
    else if (v.startsWith('0x')) n = BigInt(v);
    else if (v[0] === '0') n = BigInt('0o' + v.slice(1));
    else if (v.includes(':')) n = v.split(':').reduce((t, x) => t * 60n + BigInt(x), 0n);
    else n = BigInt(v);
    n *= teken;
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  }
  function kommagetalUitYaml(s) {
    let v = s.replace(/_/g, '').toLowerCase(), teken = 1;
    if (v[0] === '-' || v[0] === '+') { if (v[0] === '-') teken = -1; v = v.slice(1); }
    if (v === '.inf') return new Kommagetal(teken * Infinity);
    if (v === '.nan') return new Kommagetal(NaN);
    if (v.includes(':')) {
      let w = 0, basis = 1;
      for (const deel of v.split(':').map(Number).reverse()) { w += deel * basis; basis *= 60; }
      return new Kommagetal(teken * w);
    }
    return new Kommagetal(teken * Number(v));
  }
  function tijdUitYaml(s) {
    const m = /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(Z|[-+]\d\d?(?::\d\d)?))?)?$/.exec(s);
    const [j, mnd, d] = [m[1], m[2], m[3]].map(Number);
    const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    if (m[4] === undefined) return new Datum(iso, iso, geldigeDatum(j, mnd, d));
    const frac = (m[7] || '').slice(0, 6).padEnd(6, '0');
    const nul = Number(m[4]) === 0 && m[5] === '00' && m[6] === '00' && Number(frac) === 0;
    const tekst = `${iso} ${m[4].padStart(2, '0')}:${m[5]}:${m[6]}` + (Number(frac) ? '.' + frac : '');
    return new Datum(nul ? iso : null, tekst, geldigeDatum(j, mnd, d));
  }
  // De impliciete typen van PyYAML (YAML 1.1), in de volgorde waarin PyYAML ze probeert.
  const TYPEN = {
    bool: [/^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/, (s) => ['yes', 'true', 'on'].includes(s.toLowerCase())],
    float: [/^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, kommagetalUitYaml],
    int: [/^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/, geheelUitYaml],
    null: [/^(?:~|null|Null|NULL|)$/, () => null],
    timestamp: [/^(?:\d{4}-\d\d-\d\d|\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)$/, tijdUitYaml],
  };
  const GEEN = Symbol('geen');
  const alsType = (naam, s) => (TYPEN[naam][0].test(s) ? TYPEN[naam][1](s) : GEEN);
  function scalair(s, tag) {
    if (tag === null) {
      for (const naam in TYPEN) { const w = alsType(naam, s); if (w !== GEEN) return w; }
      return s;
    }
    if (tag === 'str') return s;
    // Een expliciete tag (zoals !!float 1) slaat de herkenning over, zoals bij PyYAML.
    const w = !TYPEN[tag] || (tag === 'timestamp' && !TYPEN[tag][0].test(s)) ? GEEN : TYPEN[tag][1](s);
    if (w === GEEN) throw new Error(`kan '${s}' niet lezen als !!${tag}`);
    return w;
  }

  // Veelvoorkomende meldingen van js-yaml, in gewone taal (zoals _YAML_MELDINGEN in yamlbron.py).
  const YAML_MELDINGEN = [
    [/^tab characters must not be used/, 'tab gevonden; spring in met spaties'],
    [/^(bad indentation|deficient indentation)/, 'het inspringen klopt niet'],
    [/^end of the stream or a document separator/, 'hier verwachtte ik geen tekst meer; klopt het inspringen?'],
    [/^unidentified alias/, 'verwijzing (*naam) naar iets dat niet bestaat'],
    [/^unexpected end of the stream within a/, 'het bestand houdt midden in een tekst op; ontbreekt een aanhalingsteken?'],
    [/flow collection|expected the node content/, 'een lijst tussen [ en ] of een groep tussen { en } is niet goed afgesloten'],
    [/mapping pair|block mapping entry|implicit key/, "hier mag geen 'sleutel: waarde' staan; klopt het inspringen, of staat er een ':' in tekst zonder aanhalingstekens?"],
    [/escape/, "onbekend teken na een '\\' in tekst tussen dubbele aanhalingstekens"],
  ];
  function yamlUitleg(fout, tekst) {
    const mark = fout.mark;
    if (mark && (tekst.split(/\r\n|\r|\n/)[mark.line] || '')[mark.column] === '\t') return 'tab gevonden; spring in met spaties';
    const reden = fout.reason || String(fout.message || fout);
    if (mark && /indentation/.test(reden)) {
      // js-yaml meldt een niet afgesloten lijst of tekst als inspringfout; kijk naar de regel ervoor.
      const vorige = (tekst.split(/\r\n|\r|\n/)[mark.line - 1] || '').replace(/\s#.*$/, '');
      const telt = (ch) => vorige.split(ch).length - 1;
      if (telt('[') > telt(']') || telt('{') > telt('}')) return YAML_MELDINGEN[5][1];
      if (telt("'") % 2 || telt('"') % 2) return YAML_MELDINGEN[4][1];
    }
    for (const [re, nl] of YAML_MELDINGEN) if (re.test(reden)) return nl;
    return `het bestand kan niet worden gelezen (${reden})`;
  }

  const probleem = (bestand, pad, melding, regel = null) => ({ bestand, pad, melding, regel });
  const probleemTekst = (p) => {
    const plaats = p.regel == null ? p.bestand : `${p.bestand}:${p.regel}`;
    return [plaats, p.pad, p.melding].filter((x) => x !== '').join(': ');
  };
  class CasusFout extends Error {
    constructor(problemen) { super(problemen.map(probleemTekst).join('\n')); this.problemen = problemen; }
  }

  /** Lees YAML-tekst zoals PyYAML. Geeft {bestand, gegevens, regel(pad), problemen}; gooit CasusFout bij ongeldige YAML. */
  function leesYaml(tekst, bestand) {
    const regelBegin = [0];
    for (let i = 0; i < tekst.length; i++) if (tekst[i] === '\n') regelBegin.push(i + 1);
    const regelVan = (pos) => { let lo = 0, hi = regelBegin.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (regelBegin[m] <= pos) lo = m; else hi = m - 1; } return lo + 1; };
    const E = Y.EVENT_ID, problemen = [], ankers = new Map();
    let events, i = 1, wortel = null;
    const begin = (e) => Math.min(...[e.start, e.valueStart, e.anchorStart, e.tagStart].filter((x) => x != null && x >= 0));
    const stuk = (a, b) => (a >= 0 ? tekst.slice(a, b) : null);
    // Eén knoop: de waarde, de regel waar hij begint, en bij een groep of lijst de delen (voor regel(pad)).
    function knoop() {
      const e = events[i++];
      if (e.type === E.ALIAS) {
        const doel = ankers.get(stuk(e.anchorStart, e.anchorEnd));
        if (!doel) throw new Error('unidentified alias');
        return doel;
      }
      const k = { regel: regelVan(begin(e)) };
      const tag = stuk(e.tagStart, e.tagEnd);
      const tagNaam = tag && (/^(?:!!|!<tag:yaml\.org,2002:)(\w+)>?$/.exec(tag) || [])[1];
      if (tag && tag !== '!' && !tagNaam) throw new Error(`onbekende tag ${tag}`);
      if (e.type === E.MAPPING) {
        k.paren = [];
        k.waarde = Object.create(null);
        const gezien = new Map();
        while (events[i].type !== E.POP) {
          const sleutel = knoop(), waarde = knoop();
          const naam = String(sleutel.waarde);
          if (gezien.has(naam)) problemen.push(probleem(bestand, naam, `sleutel staat twee keer in dezelfde groep (eerder op regel ${gezien.get(naam)})`, sleutel.regel));
          else gezien.set(naam, sleutel.regel);
          k.paren.push({ naam, regel: sleutel.regel, waarde });
          k.waarde[naam] = waarde.waarde; // zoals PyYAML: bij een dubbele sleutel telt de laatste
        }
        i++;
      } else if (e.type === E.SEQUENCE) {
        k.items = [];
        while (events[i].type !== E.POP) k.items.push(knoop());
        k.waarde = k.items.map((x) => x.waarde);
        i++;
      } else {
        const s = Y.getScalarValue(tekst, e);
        k.waarde = tag === '!' || (!tag && e.style !== 1) ? s : scalair(s, tagNaam || null);
      }
      const anker = stuk(e.anchorStart, e.anchorEnd);
      if (anker) ankers.set(anker, k);
      return k;
    }
    try {
      events = Y.parseEvents(tekst, {});
      const docs = events.filter((e) => e.type === E.DOCUMENT).length;
      if (docs > 1) {
        const regel = tekst.split('\n').map((r, n) => (/^---(\s|$)/.test(r) ? n + 1 : 0)).filter(Boolean).pop() || null;
        throw new CasusFout([probleem(bestand, '', 'ongeldige YAML: het bestand bevat meer dan één document (---)', regel)]);
      }
      if (docs && events[1].type !== E.POP) wortel = knoop();
    } catch (fout) {
      if (fout instanceof CasusFout) throw fout;
      const regel = fout.mark ? fout.mark.line + 1 : events && events[i - 1] ? regelVan(begin(events[i - 1])) : null;
      throw new CasusFout([probleem(bestand, '', 'ongeldige YAML: ' + yamlUitleg(fout, tekst), regel)]);
    }
    problemen.sort((a, b) => a.regel - b.regel);
    function regel(pad) {
      let k = wortel;
      if (!k) return null;
      let beste = k.regel;
      for (const deel of pad) {
        let volgende = null;
        if (k.paren && typeof deel === 'string') {
          const p = k.paren.find((x) => x.naam === deel);
          if (p) { volgende = p.waarde; beste = p.regel; }
        } else if (k.items && typeof deel === 'number' && deel < k.items.length) {
          volgende = k.items[deel]; beste = volgende.regel;
        }
        if (!volgende) break;
        k = volgende;
      }
      return beste;
    }
    return { bestand, gegevens: wortel ? wortel.waarde : null, regel, problemen };
  }

  // ---------------------------------------------------------------------------------------------
  // Controleren tegen het model (zoals pydantic, met de meldingen van jobcoach/yamlbron.py)

  const isGroep = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Waarde);
  const heeft = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isGeheel = (v) => typeof v === 'bigint' || Number.isInteger(v);
  const FOUT = Symbol('fout');

  /** Python `repr(str)`. */
  function pyStr(s) {
    const q = s.includes("'") && !s.includes('"') ? '"' : "'";
    let uit = q;
    for (const ch of s) {
      const c = ch.codePointAt(0);
      if (ch === q || ch === '\\') uit += '\\' + ch;
      else if (ch === '\n') uit += '\\n';
      else if (ch === '\r') uit += '\\r';
      else if (ch === '\t') uit += '\\t';
      else if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad) uit += '\\x' + c.toString(16).padStart(2, '0');
      else if (c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff)) uit += '\\u' + c.toString(16).padStart(4, '0');
      else uit += ch;
    }
    return uit + q;
  }
  /** Python `_waarde`: hoe een gevonden waarde in een melding staat. */
  function gevonden(v) {
    if (Array.isArray(v)) return 'een lijst';
    if (v == null) return 'leeg';
    if (typeof v === 'boolean') return v ? 'ja' : 'nee';
    if (typeof v === 'string') return pyStr(v);
    if (v instanceof Kommagetal) return pyFloat(v.w);
    if (v instanceof Datum) return v.tekst;
    if (isGroep(v)) return 'een groep velden';
    return isGeheel(v) ? String(v) : pyFloat(v);
  }
  const grensTekst = (x) => (Number.isInteger(x) ? String(x) : pyFloat(x).replace('.', ','));

  // Het getal achter een waarde (int of float), of undefined als het geen getal is.
  const getalWaarde = (v) => (v instanceof Kommagetal ? v.w : typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : undefined);

  function datumWaarde(v) {
    if (v instanceof Datum) return v.geldig ? v.iso : null;
    if (typeof v === 'string') {
      const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/.exec(v);
      return m && geldigeDatum(+m[1], +m[2], +m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null;
    }
    const w = typeof v === 'boolean' ? undefined : getalWaarde(v);
    if (w === undefined || !Number.isFinite(w)) return null;
    const sec = Math.abs(w) > 2e10 ? w / 1000 : w;
    if (sec % 86400 !== 0) return null;
    return new Date(sec * 1000).toISOString().slice(0, 10);
  }

  const JANEE = { true: true, false: false, yes: true, no: false, on: true, off: false, y: true, n: false, t: true, f: false, 1: true, 0: false };

  function valideerVeld(spec, v, loc, fouten) {
    const f = (soort, extra = {}) => { fouten.push({ loc, soort, invoer: v, ...extra }); return FOUT; };
    if (v === null && spec.leeg) return null;
    switch (spec.soort) {
      case 'tekst':
        if (typeof v !== 'string') return f('string_type');
        if (spec.min_lengte && [...v].length < spec.min_lengte) return f('string_too_short');
        return v;
      case 'getal': {
        const w = typeof v === 'boolean' ? undefined : getalWaarde(v);
        if (w === undefined) return f('float_type');
        if (!Number.isFinite(w)) return f('finite_number');
        if (spec.gt != null && !(w > spec.gt)) return f('greater_than', { grens: spec.gt });
        if (spec.ge != null && !(w >= spec.ge)) return f('greater_than_equal', { grens: spec.ge });
        if (spec.le != null && !(w <= spec.le)) return f('less_than_equal', { grens: spec.le });
        return w;
      }
      case 'geheel': {
        if (typeof v === 'boolean' || !isGeheel(v)) return f('int_type');
        if (spec.ge != null && !(v >= spec.ge)) return f('greater_than_equal', { grens: spec.ge });
        if (spec.le != null && !(v <= spec.le)) return f('less_than_equal', { grens: spec.le });
        return Number(v);
      }
      case 'janee': {
        if (typeof v === 'boolean') return v;
        const w = getalWaarde(v);
        if (w === 0 || w === 1) return w === 1;
        if (typeof v === 'string' && heeft(JANEE, v.toLowerCase())) return JANEE[v.toLowerCase()];
        return f('bool_parsing');
      }
      case 'datum': { const d = datumWaarde(v); return d === null ? f('date_parsing') : d; }
      case 'keuze': return spec.keuzes.includes(v) ? v : f('literal_error', { keuzes: spec.keuzes });
      case 'model': return valideerModel(spec.model, v, loc, fouten);
      case 'lijst': {
        if (spec.tekst_wordt_lijst && typeof v === 'string') v = [v];
        if (!Array.isArray(v)) return f('list_type');
        const uit = v.map((x, i) => valideerVeld(spec.item, x, loc.concat(i), fouten));
        if (uit.includes(FOUT)) return FOUT;
        if (spec.min_lengte && uit.length < spec.min_lengte) return f('too_short', { min: spec.min_lengte });
        return uit;
      }
    }
    throw new Error('rekenhulp: onbekende veldsoort ' + spec.soort);
  }

  const STANDAARD = { lijst: () => [], janee: () => false };
  // Eigen controles van het model (de model_validators en field_validators in casus.py).
  const EIGEN = {
    Contract: (c) => {
      if (c.maanden == null && c.weken == null) return ['ontbreekt', 'maanden', 'verplicht veld ontbreekt (vul maanden of weken in)'];
      if (c.maanden != null && c.weken != null) return ['eigen', 'weken', 'vul maanden óf weken in, niet allebei'];
      return null;
    },
    SchemaRij: (r) => {
      if (r.door === 'jobcoach') {
        for (const veld of ['uren', 'intensiteit', 'doel']) {
          if (r[veld] == null) return ['ontbreekt', veld, 'verplicht veld ontbreekt (een rij van de jobcoach telt mee in de uren)'];
        }
      } else if (r.uren != null && r.intensiteit == null) return ['ontbreekt', 'intensiteit', 'verplicht veld ontbreekt (bij uren hoort een intensiteit)'];
      return null;
    },
  };

  function valideerModel(naam, v, loc, fouten) {
    if (!isGroep(v)) { fouten.push({ loc, soort: 'model_type', invoer: v }); return FOUT; }
    const uit = {};
    let goed = true;
    for (const spec of MODELLEN[naam]) {
      const l = loc.concat(spec.naam);
      if (!heeft(v, spec.naam)) {
        if (spec.verplicht) { fouten.push({ loc: l, soort: 'missing' }); goed = false; } else uit[spec.naam] = STANDAARD[spec.soort] ? STANDAARD[spec.soort]() : null;
        continue;
      }
      let w = valideerVeld(spec, v[spec.naam], l, fouten);
      if (w !== FOUT && naam === 'Casus' && spec.naam === 'protocol' && !PROTOCOLLEN.has(w)) {
        fouten.push({ loc: l, soort: 'eigen', melding: `onbekende protocolversie '${w}'; kies uit ${[...PROTOCOLLEN.keys()].join(', ')}` });
        w = FOUT;
      }
      if (w === FOUT) goed = false; else uit[spec.naam] = w;
    }
    for (const k of Object.keys(v)) {
      if (!MODELLEN[naam].some((s) => s.naam === k)) { fouten.push({ loc: loc.concat(k), soort: 'extra_forbidden' }); goed = false; }
    }
    if (!goed) return FOUT;
    const eigen = EIGEN[naam] && EIGEN[naam](uit);
    if (eigen) { fouten.push({ loc: loc.concat(eigen[1]), soort: eigen[0], melding: eigen[2] }); return FOUT; }
    return uit;
  }

  // difflib.SequenceMatcher(None, a, b).ratio() en get_close_matches(woord, mogelijkheden, n=1)
  function gelijkenis(a, b) {
    a = [...a]; b = [...b];
    const b2j = new Map();
    b.forEach((ch, j) => { if (!b2j.has(ch)) b2j.set(ch, []); b2j.get(ch).push(j); });
    let treffers = 0;
    const stapel = [[0, a.length, 0, b.length]];
    while (stapel.length) {
      const [alo, ahi, blo, bhi] = stapel.pop();
      let bi = alo, bj = blo, lengte = 0, j2len = new Map();
      for (let i = alo; i < ahi; i++) {
        const nieuw = new Map();
        for (const j of b2j.get(a[i]) || []) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const k = (j2len.get(j - 1) || 0) + 1;
          nieuw.set(j, k);
          if (k > lengte) { bi = i - k + 1; bj = j - k + 1; lengte = k; }
        }
        j2len = nieuw;
      }
      if (lengte) {
        treffers += lengte;
        if (alo < bi && blo < bj) stapel.push([alo, bi, blo, bj]);
        if (bi + lengte < ahi && bj + lengte < bhi) stapel.push([bi + lengte, ahi, bj + lengte, bhi]);
      }
    }
    const totaal = a.length + b.length;
    return totaal ? (2.0 * treffers) / totaal : 1.0;
  }
  function lijktOp(woord, mogelijkheden) {
    let beste = null, score = -1;
    for (const x of mogelijkheden) {
      const s = gelijkenis(x, woord);
      if (s >= 0.6 && (s > score || (s === score && x > beste))) { beste = x; score = s; }
    }
    return beste;
  }

  function modelOp(loc) {
    let naam = 'Casus';
    for (const deel of loc) {
      if (typeof deel === 'number') continue;
      const spec = (MODELLEN[naam] || []).find((s) => s.naam === deel);
      const doel = spec && (spec.soort === 'model' ? spec : spec.item);
      if (!doel || doel.soort !== 'model') return [];
      naam = doel.model;
    }
    return MODELLEN[naam].map((s) => s.naam);
  }
  function sleutelsOp(gegevens, loc) {
    let g = gegevens;
    for (const deel of loc) { if (g == null || typeof g !== 'object' || !heeft(g, deel)) return []; g = g[deel]; }
    return isGroep(g) ? Object.keys(g) : [];
  }
  /** Python `pad_tekst`: ('schema', 1, 'uren') → 'schema[2].uren'. */
  const padTekst = (loc) => loc.reduce((t, d) => (typeof d === 'number' ? `${t}[${d + 1}]` : t ? `${t}.${d}` : d), '');

  function melding(f) {
    switch (f.soort) {
      case 'float_type': case 'finite_number': return 'moet een getal zijn';
      case 'int_type': return 'moet een geheel getal zijn';
      case 'string_type': return 'moet tekst zijn';
      case 'bool_parsing': return 'moet ja (true) of nee (false) zijn';
      case 'list_type': return 'moet een lijst zijn';
      case 'model_type': return 'moet een groep velden zijn (sleutel: waarde)';
      case 'date_parsing': return 'moet een datum zijn zoals 2011-11-08';
      case 'greater_than_equal': return `moet ${grensTekst(f.grens)} of meer zijn`;
      case 'greater_than': return `moet meer dan ${grensTekst(f.grens)} zijn`;
      case 'less_than_equal': return `mag niet meer dan ${grensTekst(f.grens)} zijn`;
      case 'literal_error': return 'onbekende waarde; kies uit ' + f.keuzes.map((k) => `'${k}'`).join(', ');
      case 'too_short': return f.min === 1 ? 'mag niet leeg zijn' : `moet minstens ${f.min} items hebben`;
      case 'string_too_short': return 'mag niet leeg zijn';
    }
    throw new Error('rekenhulp: onbekende fout ' + f.soort);
  }

  /** Python `_vertaal`: een fout van het model als Nederlandse melding met regel en veld. */
  function vertaal(doc, f) {
    const loc = f.loc, ouder = loc.slice(0, -1);
    let tekst, regel;
    if (f.soort === 'missing') {
      tekst = 'verplicht veld ontbreekt';
      const bekend = modelOp(ouder);
      const vergissing = sleutelsOp(doc.gegevens, ouder).filter((k) => !bekend.includes(k) && lijktOp(k, [String(loc[loc.length - 1])]));
      if (vergissing.length) tekst += `; staat er een tikfout in '${vergissing[0]}'?`;
      regel = doc.regel(ouder);
    } else if (f.soort === 'extra_forbidden') {
      const bekend = modelOp(ouder), suggestie = lijktOp(String(loc[loc.length - 1]), bekend);
      tekst = 'onbekend veld' + (suggestie ? `; bedoelt u '${suggestie}'?` : bekend.length ? `; toegestaan zijn: ${bekend.join(', ')}` : '');
      regel = doc.regel(loc);
    } else if (f.soort === 'ontbreekt' || f.soort === 'eigen') {
      tekst = f.melding;
      regel = doc.regel(f.soort === 'ontbreekt' ? ouder : loc);
    } else {
      tekst = melding(f) + (f.soort === 'too_short' || f.soort === 'string_too_short' ? '' : ` (gevonden: ${gevonden(f.invoer)})`);
      regel = doc.regel(loc);
    }
    return probleem(doc.bestand, padTekst(loc), tekst, regel);
  }

  /** Python `valideer`: controleer gelezen gegevens; geeft de casus of gooit CasusFout met alle problemen. */
  function valideer(doc) {
    if (doc.gegevens == null) throw new CasusFout(doc.problemen.concat(probleem(doc.bestand, '', 'bestand is leeg')));
    if (!isGroep(doc.gegevens)) throw new CasusFout([probleem(doc.bestand, '', 'het bestand moet bestaan uit velden met een naam (sleutel: waarde)', 1)]);
    const fouten = [];
    const casus = valideerModel('Casus', doc.gegevens, [], fouten);
    const problemen = doc.problemen.concat(fouten.map((f) => vertaal(doc, f)));
    if (problemen.length) {
      problemen.sort((a, b) => (a.regel || 0) - (b.regel || 0) || (a.pad < b.pad ? -1 : a.pad > b.pad ? 1 : 0));
      throw new CasusFout(problemen);
    }
    return casus;
  }
  const laadYaml = (tekst, bestand) => valideer(leesYaml(tekst, bestand));
  const laadObject = (gegevens, bestand = '') => valideer({ bestand, gegevens, regel: () => null, problemen: [] });

  // ---------------------------------------------------------------------------------------------
  // YAML schrijven (een casusbestand dat PyYAML en `python -m jobcoach controleer` precies zo lezen)

  const yamlTekst = (s) => JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g,
    (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
  function yamlGetal(x) {
    if (Number.isInteger(x) && Math.abs(x) < 1e21) return String(x);
    let [m, e] = String(x).split('e');
    if (!m.includes('.')) m += '.0';
    return e === undefined ? m : `${m}e${e}`;
  }
  function naarYaml(c) {
    const r = ['# Casus gemaakt met de rekenhulp van Leidraad Jobcoach online.',
      '# Controleren en narekenen: python -m jobcoach controleer BESTAND', '',
      `titel: ${yamlTekst(c.titel)}`, `protocol: ${yamlTekst(c.protocol)}`];
    if (c.datum) r.push(`datum: ${c.datum}`);
    if (c.bron) r.push(`bron: ${yamlTekst(c.bron)}`);
    const k = c.contract;
    r.push('', 'contract:', `  uren_per_week: ${yamlGetal(k.uren_per_week)}`,
      k.weken != null ? `  weken: ${yamlGetal(k.weken)}` : `  maanden: ${yamlGetal(k.maanden)}`);
    if (k.proefplaatsing) r.push('  proefplaatsing: true');
    if (k.loonwaarde_wml != null) r.push(`  loonwaarde_wml: ${yamlGetal(k.loonwaarde_wml)}`);
    r.push('', 'aanvraag:', `  regime: ${yamlGetal(c.aanvraag.regime)}`, '', 'schema:');
    for (const rij of c.schema) {
      r.push(`  - aard: ${rij.aard}`, `    knelpunt: ${yamlTekst(rij.knelpunt)}`, `    door: ${rij.door}`);
      if (rij.aan != null) r.push(`    aan: ${yamlTekst(rij.aan)}`);
      if (rij.uren != null) r.push(`    uren: ${yamlGetal(rij.uren)}`);
      if (rij.intensiteit != null) r.push(`    intensiteit: ${rij.intensiteit}`);
      if (rij.doel != null) r.push(`    doel: ${rij.doel}`);
      if (rij.motivering.length === 1) r.push(`    motivering: ${yamlTekst(rij.motivering[0])}`);
      else if (rij.motivering.length) r.push('    motivering:', ...rij.motivering.map((m) => `      - ${yamlTekst(m)}`));
    }
    if (c.extra.length) {
      r.push('', 'extra:');
      for (const e of c.extra) r.push(`  - omschrijving: ${yamlTekst(e.omschrijving)}`, `    uren: ${yamlGetal(e.uren)}`, `    doel: ${e.doel}`);
    }
    if (c.advies) r.push('', 'advies:', `  regime: ${yamlGetal(c.advies.regime)}`);
    return r.join('\n') + '\n';
  }

  // ---------------------------------------------------------------------------------------------
  // Voor de pariteitstest: dezelfde vorm als de Python-kant van de test

  const bt = (b) => `${b.n}/${b.d}`;
  function vergelijking(u) {
    return {
      weken: bt(u.weken), contracturen: bt(u.contracturen), begeleidingsuren: bt(u.begeleidingsuren),
      uren_per_week: bt(u.uren_per_week), percentage: bt(u.percentage),
      uren_per_doel: Object.fromEntries([...u.uren_per_doel].map(([d, w]) => [String(d), bt(w)])),
      rijen: u.rijen.map((r) => ({ nummer: r.nummer, telt_mee: r.telt_mee, uren_per_week: bt(r.uren_per_week), keren: bt(r.keren), totaal: bt(r.totaal) })),
      teksten: {
        weken: getal(u.weken), contracturen: uren(u.contracturen), begeleidingsuren: uren(u.begeleidingsuren),
        uren_per_week: uren(u.uren_per_week), percentage: procentAfgekapt(u.percentage),
      },
      bevindingen: u.bevindingen.map((b) => ({ code: b.code, veld: b.veld, tekst: b.tekst })),
      html: { schema: schemaHtml(u), berekening: berekeningHtml(u), bevindingen: bevindingenHtml(u) },
    };
  }
  function verwerk(invoer) {
    try {
      const casus = invoer.yaml !== undefined ? laadYaml(invoer.yaml, invoer.bestand || 'casus.yml') : laadObject(invoer.object);
      return { uitkomst: vergelijking(bereken(casus)) };
    } catch (fout) {
      if (fout instanceof CasusFout) return { problemen: fout.problemen.map(probleemTekst) };
      throw fout;
    }
  }

  window.rekenhulp = {
    bereken: (casusObject) => vergelijking(bereken(laadObject(casusObject))),
    verwerk, laadYaml, laadObject, naarYaml, opmaak: { getal, uren, procent, procentAfgekapt, breuk, pyFloat },
  };

  // ---------------------------------------------------------------------------------------------
  // Het formulier

  const wortel = document.getElementById('rekenhulp-invoer');
  if (!wortel) return;
  const OPSLAG = 'leidraad-jobcoach-rekenhulp';
  const leeg = () => ({ titel: '', protocol: '', datum: '', bron: '', uren_per_week: '', duur_soort: 'maanden', duur: '',
    proefplaatsing: false, loonwaarde: '', regime: '', advies: '', rijen: [nieuweRij()], extra: [] });
  function nieuweRij() { return { aard: '', knelpunt: '', door: '', aan: '', uren: '', intensiteit: '', doel: '', motivering: '' }; }
  const nieuweExtra = () => ({ omschrijving: '', uren: '', doel: '' });

  // Bewaarde invoer terugzetten; wat niet de verwachte vorm heeft, valt terug op een leeg veld.
  function herstel(o) {
    const s = leeg();
    if (!o || typeof o !== 'object') return s;
    for (const k of Object.keys(s)) if (!Array.isArray(s[k]) && typeof o[k] === typeof s[k]) s[k] = o[k];
    const lijst = (x, maak) => (Array.isArray(x) ? x.filter((r) => r && typeof r === 'object').map((r) => {
      const n = maak();
      for (const k of Object.keys(n)) if (typeof r[k] === 'string') n[k] = r[k];
      return n;
    }) : null);
    s.rijen = lijst(o.rijen, nieuweRij) || s.rijen;
    s.extra = lijst(o.extra, nieuweExtra) || [];
    if (s.duur_soort !== 'weken') s.duur_soort = 'maanden';
    return s;
  }
  let staat;
  try { staat = herstel(JSON.parse(localStorage.getItem(OPSLAG))); } catch (e) { staat = leeg(); }
  const bewaar = () => { try { localStorage.setItem(OPSLAG, JSON.stringify(staat)); } catch (e) { /* opslag uit: dan niet bewaren */ } };

  // Getallen: een komma of punt als decimaalteken ("0,5" of "0.5"); iets anders blijft tekst, zodat de
  // controle meldt "moet een getal zijn (gevonden: '…')".
  const getalInvoer = (s) => {
    const t = s.trim();
    if (t === '') return undefined;
    return /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t.replace(',', '.')) : t;
  };
  const tekstInvoer = (s) => (s.trim() === '' ? undefined : s.trim());
  const toonGetal = (x) => (x == null ? '' : String(x).replace('.', ','));

  /** Van de invoer in het formulier naar de gegevens van een casus (zoals uit een casusbestand). */
  function gegevensUitStaat(s) {
    const g = {}, zet = (o, k, v) => { if (v !== undefined) o[k] = v; };
    zet(g, 'titel', tekstInvoer(s.titel));
    zet(g, 'protocol', tekstInvoer(s.protocol));
    zet(g, 'datum', tekstInvoer(s.datum));
    zet(g, 'bron', tekstInvoer(s.bron));
    g.contract = {};
    zet(g.contract, 'uren_per_week', getalInvoer(s.uren_per_week));
    zet(g.contract, s.duur_soort === 'weken' ? 'weken' : 'maanden', getalInvoer(s.duur));
    if (s.proefplaatsing) g.contract.proefplaatsing = true;
    zet(g.contract, 'loonwaarde_wml', getalInvoer(s.loonwaarde));
    g.aanvraag = {};
    zet(g.aanvraag, 'regime', getalInvoer(s.regime));
    if (s.advies.trim() !== '') g.advies = { regime: getalInvoer(s.advies) };
    g.schema = s.rijen.map((r) => {
      const o = {};
      for (const k of ['aard', 'knelpunt', 'door', 'aan', 'intensiteit']) zet(o, k, tekstInvoer(r[k]));
      zet(o, 'uren', getalInvoer(r.uren));
      if (r.doel !== '') o.doel = Number(r.doel);
      const m = r.motivering.split('\n').map((x) => x.trim()).filter(Boolean);
      if (m.length) o.motivering = m.length === 1 ? m[0] : m;
      return o;
    });
    if (s.extra.length) {
      g.extra = s.extra.map((e) => {
        const o = {};
        zet(o, 'omschrijving', tekstInvoer(e.omschrijving));
        zet(o, 'uren', getalInvoer(e.uren));
        if (e.doel !== '') o.doel = Number(e.doel);
        return o;
      });
    }
    return g;
  }
  function staatUitCasus(c) {
    const k = c.contract;
    return {
      titel: c.titel, protocol: c.protocol, datum: c.datum || '', bron: c.bron || '',
      uren_per_week: toonGetal(k.uren_per_week), duur_soort: k.weken != null ? 'weken' : 'maanden',
      duur: toonGetal(k.weken != null ? k.weken : k.maanden), proefplaatsing: k.proefplaatsing,
      loonwaarde: toonGetal(k.loonwaarde_wml), regime: toonGetal(c.aanvraag.regime), advies: c.advies ? toonGetal(c.advies.regime) : '',
      rijen: c.schema.map((r) => ({ aard: r.aard, knelpunt: r.knelpunt, door: r.door, aan: r.aan || '', uren: toonGetal(r.uren),
        intensiteit: r.intensiteit || '', doel: r.doel == null ? '' : String(r.doel), motivering: r.motivering.join('\n') })),
      extra: c.extra.map((e) => ({ omschrijving: e.omschrijving, uren: toonGetal(e.uren), doel: String(e.doel) })),
    };
  }

  // Kleine hulp om elementen te maken.
  function h(tag, attrs, ...kinderen) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v == null) continue;
      if (k === 'tekst') el.textContent = v; else if (k === 'bij') el.addEventListener('click', v); else el.setAttribute(k, v === true ? '' : v);
    }
    for (const k of kinderen.flat()) if (k != null) el.append(k);
    return el;
  }
  const doelNaam = (d) => `${d}: ${R.coachingsdoelen[d]}`;
  const optie = (waarde, tekst, gekozen) => h('option', { value: waarde, selected: waarde === gekozen, tekst });

  /** Eén veld met label, eventuele hint en een plek voor de melding. `pad` is het veldpad van de casus. */
  function veld(id, label, pad, invoer, hint) {
    invoer.id = id;
    invoer.dataset.pad = pad;
    const fout = h('p', { class: 'rh-melding', id: id + '-melding', hidden: true });
    const beschrijving = [hint ? id + '-hint' : null, fout.id].filter(Boolean).join(' ');
    invoer.setAttribute('aria-describedby', beschrijving);
    return h('div', { class: 'rh-veld' }, h('label', { for: id, tekst: label }),
      hint ? h('p', { class: 'rh-hint', id: id + '-hint', tekst: hint }) : null, invoer, fout);
  }
  const tekstVeld = (waarde, attrs = {}) => h('input', { type: 'text', value: waarde, autocomplete: 'off', ...attrs });
  const getalVeld = (waarde) => tekstVeld(waarde, { inputmode: 'decimal', class: 'rh-getal' });
  const keuzeVeld = (waarde, opties, leegTekst) => h('select', {}, leegTekst !== undefined ? optie('', leegTekst, waarde) : null,
    opties.map(([w, t]) => optie(w, t, waarde)));

  function rijBlok(r, i) {
    const id = (k) => `rh-rij${i + 1}-${k}`, pad = (k) => `schema[${i + 1}].${k}`;
    const b = h('fieldset', { class: 'rh-rij', 'data-rij': i },
      h('legend', { tekst: `Rij ${i + 1} van het schema` }),
      veld(id('aard'), 'Aard van de begeleiding', pad('aard'), keuzeVeld(r.aard, keuzes('SchemaRij', 'aard').map((a) => [a, AARD[a] || a]), '(kies)')),
      veld(id('knelpunt'), 'Gericht op het knelpunt', pad('knelpunt'), tekstVeld(r.knelpunt)),
      veld(id('door'), 'Door wie?', pad('door'), keuzeVeld(r.door, keuzes('SchemaRij', 'door').map((d) => [d, hoofdletter(d)]), '(kies)'),
        'Alleen rijen van de jobcoach tellen mee in de uren.'),
      veld(id('aan'), 'Aan wie? (niet verplicht)', pad('aan'), tekstVeld(r.aan)),
      veld(id('uren'), 'Uren per keer', pad('uren'), getalVeld(r.uren), 'Bijvoorbeeld 0,5 voor een half uur.'),
      veld(id('intensiteit'), 'Intensiteit', pad('intensiteit'), keuzeVeld(r.intensiteit, keuzes('SchemaRij', 'intensiteit').map((x) => [x, INTENSITEIT[x] || x]), '(geen)')),
      veld(id('doel'), 'Coachingsdoel', pad('doel'), keuzeVeld(r.doel, DOELEN.map((d) => [String(d), doelNaam(d)]), '(geen)')),
      veld(id('motivering'), 'Motivering (niet verplicht)', pad('motivering'), h('textarea', { rows: 2, tekst: r.motivering }), 'Eén punt per regel.'),
      h('button', { type: 'button', class: 'md-button', 'data-actie': 'rij-weg', 'data-index': i, tekst: `Rij ${i + 1} verwijderen` }));
    b.querySelectorAll('[data-pad]').forEach((el) => { el.dataset.lijst = 'rijen'; el.dataset.index = i; el.dataset.sleutel = el.id.split('-').pop(); });
    return b;
  }
  function extraBlok(e, i) {
    const id = (k) => `rh-extra${i + 1}-${k}`, pad = (k) => `extra[${i + 1}].${k}`;
    const b = h('fieldset', { class: 'rh-rij' }, h('legend', { tekst: `Vaste uren ${i + 1}` }),
      veld(id('omschrijving'), 'Omschrijving', pad('omschrijving'), tekstVeld(e.omschrijving), 'Bijvoorbeeld: inspelen op onverwachte gebeurtenissen.'),
      veld(id('uren'), 'Aantal uren (één keer, voor de hele periode)', pad('uren'), getalVeld(e.uren)),
      veld(id('doel'), 'Coachingsdoel', pad('doel'), keuzeVeld(e.doel, DOELEN.map((d) => [String(d), doelNaam(d)]), '(kies)')),
      h('button', { type: 'button', class: 'md-button', 'data-actie': 'extra-weg', 'data-index': i, tekst: `Vaste uren ${i + 1} verwijderen` }));
    b.querySelectorAll('[data-pad]').forEach((el) => { el.dataset.lijst = 'extra'; el.dataset.index = i; el.dataset.sleutel = el.id.split('-').pop(); });
    return b;
  }

  const status = h('p', { class: 'rh-status', role: 'status', 'aria-live': 'polite' });
  const meldingen = h('div', { class: 'rh-meldingen', id: 'rh-meldingen' });
  const tabellen = h('div', { class: 'rh-tabellen', id: 'rh-tabellen' });
  const bestandMelding = h('div', { class: 'rh-bestand', role: 'alert' });
  const kiezer = h('input', { type: 'file', id: 'rh-openen', accept: '.yml,.yaml', hidden: true });
  const formulier = h('form', { class: 'rh-formulier', novalidate: true });

  function tekenFormulier(focus) {
    const s = staat;
    const duurKeuze = h('fieldset', { class: 'rh-keuze' }, h('legend', { tekst: 'Duur van het contract in' }),
      ...['maanden', 'weken'].map((w) => h('label', {}, h('input', { type: 'radio', name: 'rh-duur-soort', value: w, checked: s.duur_soort === w, 'data-sleutel': 'duur_soort' }), ' ' + w)));
    const los = (id, sleutel, el) => { el.dataset.sleutel = sleutel; return el; };
    formulier.replaceChildren(
      h('fieldset', {}, h('legend', { tekst: 'Casus' }),
        veld('rh-titel', 'Titel', 'titel', los('', 'titel', tekstVeld(s.titel)), 'Een naam voor deze berekening, zonder gegevens van de klant.'),
        veld('rh-protocol', 'Protocolversie', 'protocol', los('', 'protocol', keuzeVeld(s.protocol, R.protocollen.map((p) => [p.id, p.naam]), '(kies)'))),
        veld('rh-datum', 'Datum van het advies (niet verplicht)', 'datum', los('', 'datum', h('input', { type: 'date', value: s.datum }))),
        veld('rh-bron', 'Bron (niet verplicht)', 'bron', los('', 'bron', tekstVeld(s.bron)))),
      h('fieldset', {}, h('legend', { tekst: 'Contract' }),
        veld('rh-uren-per-week', 'Contracturen per week', 'contract.uren_per_week', los('', 'uren_per_week', getalVeld(s.uren_per_week))),
        duurKeuze,
        veld('rh-duur', `Duur in ${s.duur_soort}`, `contract.${s.duur_soort}`, los('', 'duur', getalVeld(s.duur)), `Een maand telt als ${R.weken_per_maand} weken.`),
        h('div', { class: 'rh-veld' }, h('label', {}, los('', 'proefplaatsing', h('input', { type: 'checkbox', id: 'rh-proefplaatsing', checked: s.proefplaatsing, 'data-pad': 'contract.proefplaatsing' })), ' Proefplaatsing')),
        veld('rh-loonwaarde', 'Loonwaarde in % van het WML (niet verplicht)', 'contract.loonwaarde_wml', los('', 'loonwaarde', getalVeld(s.loonwaarde)))),
      h('fieldset', {}, h('legend', { tekst: 'Regime' }),
        veld('rh-regime', 'Aangevraagd regime (% van de contracturen)', 'aanvraag.regime', los('', 'regime', getalVeld(s.regime))),
        veld('rh-advies', 'Geadviseerd regime (%, niet verplicht)', 'advies.regime', los('', 'advies', getalVeld(s.advies)))),
      h('fieldset', { class: 'rh-lijst' }, h('legend', { tekst: 'Schema begeleidingsbehoefte' }),
        ...s.rijen.map(rijBlok), h('button', { type: 'button', class: 'md-button', 'data-actie': 'rij-erbij', tekst: 'Rij toevoegen' })),
      h('fieldset', { class: 'rh-lijst' }, h('legend', { tekst: 'Vaste extra uren' }),
        h('p', { class: 'rh-hint', tekst: 'Uren die één keer meetellen, bijvoorbeeld voor calamiteiten.' }),
        ...s.extra.map(extraBlok), h('button', { type: 'button', class: 'md-button', 'data-actie': 'extra-erbij', tekst: 'Vaste uren toevoegen' })));
    if (focus) { const el = formulier.querySelector(focus); if (el) el.focus(); }
  }

  function toonMeldingen(problemen) {
    formulier.querySelectorAll('[data-pad]').forEach((el) => {
      el.removeAttribute('aria-invalid');
      const m = document.getElementById(el.id + '-melding');
      if (m) { m.hidden = true; m.textContent = ''; }
    });
    const los = [];
    for (const p of problemen) {
      const el = formulier.querySelector(`[data-pad="${CSS.escape(p.pad)}"]`);
      const m = el && document.getElementById(el.id + '-melding');
      if (m) { el.setAttribute('aria-invalid', 'true'); m.hidden = false; m.textContent = (m.textContent ? m.textContent + ' ' : '') + p.melding; } else los.push(p);
    }
    return los;
  }

  function reken() {
    let casus;
    try { casus = laadObject(gegevensUitStaat(staat)); } catch (fout) {
      if (!(fout instanceof CasusFout)) throw fout;
      const los = toonMeldingen(fout.problemen);
      const n = fout.problemen.length;
      status.textContent = `Nog niet compleet: ${n} ${n === 1 ? 'melding' : 'meldingen'} bij de velden hierboven.`;
      meldingen.replaceChildren(...(los.length ? [h('ul', {}, los.map((p) => h('li', { tekst: probleemTekst(p) })))] : []));
      tabellen.replaceChildren();
      return null;
    }
    toonMeldingen([]);
    meldingen.replaceChildren();
    const u = bereken(casus);
    const n = u.bevindingen.length;
    status.textContent = `Begeleidingsuren: ${uren(u.begeleidingsuren)} uur, gemiddeld ${uren(u.uren_per_week)} uur per week. ` +
      `Dat is ${procentAfgekapt(u.percentage)} van de contracturen.` + (n ? ` ${n} ${n === 1 ? 'bevinding' : 'bevindingen'} hieronder.` : '');
    const omhul = (html) => `<div class="md-typeset__scrollwrap"><div class="md-typeset__table">${html}</div></div>`;
    tabellen.innerHTML = [omhul(schemaHtml(u)), ...berekeningHtml(u).split('\n\n').map(omhul), bevindingenHtml(u)].join('\n');
    return casus;
  }

  function leesVeld(el) {
    const { sleutel, lijst, index } = el.dataset;
    if (!sleutel) return false;
    const waarde = el.type === 'checkbox' ? el.checked : el.value;
    if (lijst) staat[lijst][Number(index)][sleutel] = waarde; else staat[sleutel] = waarde;
    return sleutel === 'duur_soort';
  }
  // Tijdens het typen pas rekenen als er even niets gebeurt: zo blijft typen vlot, ook bij lange teksten.
  let wacht = null;
  formulier.addEventListener('input', (e) => {
    if (leesVeld(e.target)) tekenFormulier(`[data-sleutel="duur_soort"][value="${staat.duur_soort}"]`);
    clearTimeout(wacht);
    wacht = setTimeout(() => { bewaar(); reken(); }, 150);
  });
  formulier.addEventListener('click', (e) => {
    const knop = e.target.closest('[data-actie]');
    if (!knop) return;
    const i = Number(knop.dataset.index), actie = knop.dataset.actie;
    let focus;
    if (actie === 'rij-erbij') { staat.rijen.push(nieuweRij()); focus = `#rh-rij${staat.rijen.length}-aard`; }
    if (actie === 'extra-erbij') { staat.extra.push(nieuweExtra()); focus = `#rh-extra${staat.extra.length}-omschrijving`; }
    if (actie === 'rij-weg') { staat.rijen.splice(i, 1); focus = staat.rijen.length ? `#rh-rij${Math.min(i, staat.rijen.length - 1) + 1}-aard` : '[data-actie="rij-erbij"]'; }
    if (actie === 'extra-weg') { staat.extra.splice(i, 1); focus = staat.extra.length ? `#rh-extra${Math.min(i, staat.extra.length - 1) + 1}-omschrijving` : '[data-actie="extra-erbij"]'; }
    tekenFormulier(focus); bewaar(); reken();
  });
  formulier.addEventListener('submit', (e) => e.preventDefault());

  function opslaan() {
    const casus = reken();
    if (!casus) {
      bestandMelding.replaceChildren(h('p', { class: 'rh-fout', tekst: 'Opslaan kan nog niet: los eerst de meldingen bij de velden op.' }));
      return;
    }
    const naam = (casus.titel.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'casus') + '.yml';
    const url = URL.createObjectURL(new Blob([naarYaml(casus)], { type: 'application/yaml' }));
    const a = h('a', { href: url, download: naam });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    bestandMelding.replaceChildren(h('p', { tekst: `Opgeslagen als ${naam}.` }));
  }
  kiezer.addEventListener('change', async () => {
    const bestand = kiezer.files[0];
    kiezer.value = '';
    if (!bestand) return;
    try {
      const casus = laadYaml(await bestand.text(), bestand.name);
      staat = staatUitCasus(casus);
      tekenFormulier('#rh-titel'); bewaar(); reken();
      bestandMelding.replaceChildren(h('p', { tekst: `Geopend: ${bestand.name}.` }));
    } catch (fout) {
      const problemen = fout instanceof CasusFout ? fout.problemen.map(probleemTekst) : [`${bestand.name}: het bestand kan niet worden gelezen (${fout.message})`];
      bestandMelding.replaceChildren(h('p', { class: 'rh-fout', tekst: 'Dit bestand kan niet worden geopend. Het formulier is niet veranderd.' }),
        h('ul', { class: 'rh-fout' }, problemen.map((t) => h('li', { tekst: t }))));
    }
  });

  wortel.replaceChildren(
    formulier,
    h('div', { class: 'rh-knoppen' },
      h('button', { type: 'button', class: 'md-button md-button--primary', bij: opslaan, tekst: 'Opslaan als casus' }),
      h('button', { type: 'button', class: 'md-button', bij: () => kiezer.click(), tekst: 'Casus openen' }), kiezer,
      h('button', { type: 'button', class: 'md-button', tekst: 'Alles wissen', bij: () => {
        if (window.confirm('Alles wat u hebt ingevuld wissen?')) { staat = leeg(); tekenFormulier('#rh-titel'); bewaar(); reken(); }
      } })),
    bestandMelding,
    h('h2', { id: 'uitkomst', tekst: 'Uitkomst' }), status, meldingen, tabellen);
  tekenFormulier();
  reken();
}());
