/*! Rekenkern van Leidraad Jobcoach online. Licentie: EUPL-1.2. Leesbare bron: docs/javascripts/rekenkern.js */
/*
 * De berekening en de controles van de rekenhulp, zonder pagina: geen document, geen window. Alles wat een regel
 * is (weken per maand, maxima, grenzen, routes, de zinnen van bevindingen en meldingen) komt uit het JSON-blok dat
 * de bouw maakt (jobcoach/browser.py); deze code kent geen eigen getal of zin.
 *
 * Twee plekken gebruiken deze code:
 * - de pagina Rekenhulp: <script src="rekenkern.js"> zet `Rekenkern` klaar; rekenhulp.js maakt het formulier;
 * - de pariteitstest (tests/test_rekenhulp_node.py, in make check): Node laadt dit bestand met require() en rekent
 *   dezelfde casussen als het Python-pakket; elk verschil in een getal of bevinding laat de test falen.
 *
 * Gebruik: const K = Rekenkern.maak(regels); K.laadObject(gegevens) geeft een casus of gooit K.CasusFout;
 * K.bereken(casus) geeft de uitkomst met bevindingen.
 */
(function (wereld, maakKern) {
  'use strict';
  if (typeof module === 'object' && module.exports) module.exports = maakKern();
  else wereld.Rekenkern = maakKern();
}(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  /** Maak de rekenkern met de regels uit de pagina (of uit de test). */
  function maak(R) {
    const T = R.teksten, M = T.meldingen;
    /** Een tekst uit teksten.yml met de waarden ingevuld, zoals str.format in Python. */
    const vul = (sjabloon, w = {}) => sjabloon.replace(/\{(\w+)\}/g, (heel, k) => (k in w ? w[k] : heel));

    // ---------------------------------------------------------------------------------------------
    // Exacte breuken en Nederlandse notatie (jobcoach/opmaak.py)

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

    /** Een getal als exacte breuk, via zijn kortste schrijfwijze (0.1 is 1/10), zoals Fraction(str(x)). */
    function breuk(x) {
      if (typeof x === 'bigint') return B(x);
      if (Number.isSafeInteger(x)) return B(BigInt(x));
      const [m, e] = Math.abs(x).toExponential().split('e'), c = m.replace('.', '');
      const k = Number(e) - (c.length - 1), n = (x < 0 ? -1n : 1n) * BigInt(c);
      return k >= 0 ? B(n * tien(k)) : B(n, tien(-k));
    }
    const alsBreuk = (w) => (typeof w === 'object' ? w : breuk(w));
    /** Afgerond op `dec` decimalen (half van nul af), met punten voor duizendtallen: 0,5; 1,75; 1.000. */
    function getal(w, dec = 2, vast = false) {
      w = alsBreuk(w);
      const neg = w.n < 0n, m = (2n * (neg ? -w.n : w.n) * tien(dec) + w.d) / (2n * w.d);
      const s = m.toString().padStart(dec + 1, '0');
      let frac = s.slice(s.length - dec);
      if (!vast) frac = frac.replace(/0+$/, '');
      return (neg && m ? '-' : '') + s.slice(0, s.length - dec).replace(/\B(?=(\d{3})+$)/g, '.') + (frac ? ',' + frac : '');
    }
    const uren = (w) => getal(w, 2);
    const procent = (w) => getal(w, 2) + '%';
    /** Een berekend percentage, afgekapt (niet afgerond) op twee decimalen: 4,375 wordt 4,37%. */
    const procentAfgekapt = (p) => getal(B(vloer(maal(p, HONDERD)), 100n), 2, true) + '%';
    /** 2011-11-08 wordt 08-11-2011. */
    const nlDatum = (iso) => iso.split('-').reverse().join('-');

    // ---------------------------------------------------------------------------------------------
    // Regels en model uit de pagina

    const PROTOCOLLEN = new Map(R.protocollen.map((p) => [p.id, p]));
    const DOELEN = Object.keys(R.coachingsdoelen).map(Number).sort((a, b) => a - b);
    const WPM = B(BigInt(R.weken_per_maand));
    const MODELLEN = R.modellen;
    /** Het veld van het model op een pad zonder rijnummers: 'schema.uren', 'contract.weken'. */
    function specOp(sleutel) {
      let model = 'Casus', spec;
      for (const naam of sleutel.split('.')) {
        spec = MODELLEN[model].find((s) => s.naam === naam);
        model = (spec.item || spec).model || model;
      }
      return spec;
    }

    // ---------------------------------------------------------------------------------------------
    // Berekening (jobcoach/berekening.py)

    function bereken(casus) {
      const protocol = PROTOCOLLEN.get(casus.protocol), c = casus.contract;
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
      const begeleidingsuren = [...perDoel.values()].reduce(plus, NUL);
      const u = {
        casus, protocol, weken, contracturen, rijen, extra: casus.extra, begeleidingsuren,
        uren_per_week: deel(begeleidingsuren, weken), uren_per_doel: perDoel,
        percentage: maal(deel(begeleidingsuren, contracturen), HONDERD),
      };
      u.bevindingen = controleer(u);
      return u;
    }

    // ---------------------------------------------------------------------------------------------
    // Controles (jobcoach/controles.py); de zinnen staan in teksten.yml (bevindingen)

    function controleer(u) {
      const { casus, protocol: p } = u, c = casus.contract, t = T.bevindingen, uit = [];
      const b = (code, veld, sjabloon, w) => uit.push({ code, veld, tekst: vul(t[sjabloon], w) });
      const regimes = [['aanvraag', casus.aanvraag, t.aangevraagde], ['advies', casus.advies, t.geadviseerde]];
      const boven = (r) => p.maximum != null && r.regime > p.maximum;
      if (casus.advies && vergelijk(breuk(casus.advies.regime), u.percentage) < 0) {
        b('advies-onder-berekening', 'advies.regime', 'advies-onder-berekening',
          { advies: procent(casus.advies.regime), berekend: procentAfgekapt(u.percentage) });
      }
      for (const [v, r, wie] of regimes) {
        if (r && boven(r)) b(`${v}-boven-maximum`, `${v}.regime`, 'boven-maximum', { wie, regime: procent(r.regime), protocol: p.naam, maximum: procent(p.maximum) });
      }
      for (const [v, r, wie] of regimes) {
        if (r && p.normaal_max != null && r.regime > p.normaal_max && !boven(r)) {
          b(`${v}-vraagt-onderbouwing`, `${v}.regime`, 'vraagt-onderbouwing', { wie, regime: procent(r.regime), normaal: procent(p.normaal_max) });
        }
      }
      const s = p.standaard;
      if (s && s.min_maanden != null && !(s.proefplaatsing_telt && c.proefplaatsing)) {
        const min = maal(breuk(s.min_maanden), WPM);
        if (vergelijk(u.weken, min) < 0) {
          b('contract-te-kort', 'contract', 'contract-te-kort', { weken: getal(u.weken), protocol: p.naam, min_maanden: getal(s.min_maanden),
            min_weken: getal(min), of_proefplaatsing: t[s.proefplaatsing_telt ? 'of_proefplaatsing' : 'punt'] });
        }
      }
      if (s && s.min_uren_per_week != null && c.uren_per_week < s.min_uren_per_week) {
        b('contract-te-weinig-uren', 'contract.uren_per_week', 'contract-te-weinig-uren', { uren: getal(c.uren_per_week), min_uren: getal(s.min_uren_per_week) });
      }
      if (s && s.min_loonwaarde_wml != null && c.loonwaarde_wml != null && c.loonwaarde_wml < s.min_loonwaarde_wml) {
        b('loonwaarde-te-laag', 'contract.loonwaarde_wml', 'loonwaarde-te-laag', { loonwaarde: procent(c.loonwaarde_wml), min_loonwaarde: procent(s.min_loonwaarde_wml) });
      }
      // Geldigheid (controles._geldigheid); geldig_tot is de laatste geldige dag, null als die onbekend is.
      if (!casus.datum) b('datum-ontbreekt', 'datum', 'datum-ontbreekt', { protocol: p.naam });
      else {
        if (casus.datum >= p.geldig_van && !p.geldig_tot) b('geldigheid-onbekend', 'datum', 'geldigheid-onbekend', { protocol: p.naam, datum: nlDatum(casus.datum) });
        else if (casus.datum < p.geldig_van || casus.datum > p.geldig_tot) {
          b('datum-buiten-protocol', 'datum', 'datum-buiten-protocol', { datum: nlDatum(casus.datum), protocol: p.naam,
            van: nlDatum(p.geldig_van), tot: p.geldig_tot ? nlDatum(p.geldig_tot) : t.onbekend });
        }
        if (R.einde_protocollen && casus.datum >= R.einde_protocollen) {
          b('protocol-vervallen', 'datum', 'protocol-vervallen', { vanaf: nlDatum(R.einde_protocollen), protocol: p.naam });
        }
      }
      if (u.begeleidingsuren.n === 0n) b('geen-uren', 'schema', 'geen-uren');
      // Aannemelijkheid (controles.aannemelijkheid)
      if (vergelijk(u.begeleidingsuren, u.contracturen) > 0) {
        b('uren-boven-contract', 'schema', 'uren-boven-contract', { begeleidingsuren: uren(u.begeleidingsuren), contracturen: uren(u.contracturen) });
      }
      const a = R.aannemelijk;
      if (c.uren_per_week > a.max_uren_per_week) {
        b('veel-contracturen', 'contract.uren_per_week', 'veel-contracturen', { uren: getal(c.uren_per_week), max: getal(a.max_uren_per_week), reden: a.reden });
      }
      const weken = (maanden) => maal(breuk(maanden), WPM);
      if (p.max_jaren != null && vergelijk(u.weken, weken(p.max_jaren * 12)) > 0) {
        b('contract-te-lang', 'contract', 'contract-te-lang', { weken: getal(u.weken), protocol: p.naam, jaren: String(p.max_jaren),
          max_weken: getal(weken(p.max_jaren * 12)), weken_per_maand: String(R.weken_per_maand) });
      }
      if (p.periode_maanden != null && vergelijk(u.weken, weken(p.periode_maanden)) !== 0) {
        b('andere-periode', 'contract', 'andere-periode', { weken: getal(u.weken), protocol: p.naam, maanden: String(p.periode_maanden),
          periode_weken: getal(weken(p.periode_maanden)) });
      }
      return uit;
    }

    const geldigeDatum = (iso) => { const d = new Date(iso + 'T00:00:00Z'); return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso); };
    class Kommagetal { constructor(w) { this.w = w; } }
    class Datum { constructor(iso) { this.iso = iso; } }
    const probleem = (bestand, pad, code, melding, regel = null) => ({ bestand, pad, code, melding, regel });
    const probleemTekst = (p) => [p.regel == null ? p.bestand : `${p.bestand}:${p.regel}`, p.pad, p.melding].filter((x) => x !== '').join(': ');
    class CasusFout extends Error { constructor(problemen) { super(problemen.map(probleemTekst).join('\n')); this.problemen = problemen; } }

    // ---------------------------------------------------------------------------------------------
    // Controleren tegen het model uit de pagina; elke fout krijgt de code en de zin uit teksten.yml (meldingen)

    const isGroep = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Kommagetal) && !(v instanceof Datum);
    const heeft = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
    const FOUT = Symbol('fout');
    const JANEE = ['0', 'off', 'f', 'false', 'n', 'no', '1', 'on', 't', 'true', 'y', 'yes']; // tekst die pydantic als ja/nee leest
    const gevonden = (v) => (Array.isArray(v) ? 'een lijst' : v == null ? 'leeg' : typeof v === 'boolean' ? (v ? 'ja' : 'nee')
      : typeof v === 'string' ? `'${v}'` : v instanceof Kommagetal ? String(v.w) : v instanceof Datum ? v.iso : isGroep(v) ? 'een groep velden' : String(v));
    const getalWaarde = (v) => (v instanceof Kommagetal ? v.w : typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : undefined);

    function valideerVeld(spec, v, loc, fouten) {
      const f = (code, w = {}) => { fouten.push({ loc, code, invoer: v, melding: vul(M[code], w), spec }); return FOUT; };
      if (v === null && spec.leeg) return null;
      const grenzen = (w) => (spec.gt != null && !(w > spec.gt) ? f('gt', { grens: getal(spec.gt) })
        : spec.ge != null && !(w >= spec.ge) ? f('ge', { grens: getal(spec.ge) }) : spec.le != null && !(w <= spec.le) ? f('le', { grens: getal(spec.le) }) : w);
      const lengte = (n, code) => (spec.min_lengte && n < spec.min_lengte ? f(spec.min_lengte === 1 ? 'leeg' : 'te_kort', { min: spec.min_lengte })
        : spec.max_lengte != null && n > spec.max_lengte ? f(code, { max: spec.max_lengte }) : true);
      switch (spec.soort) {
        case 'tekst': return typeof v !== 'string' ? f('tekst') : lengte([...v].length, 'te_lang') === FOUT ? FOUT : v;
        case 'getal': { const w = getalWaarde(v); return w === undefined || !Number.isFinite(w) ? f('getal') : grenzen(w); }
        case 'geheel': return typeof v === 'boolean' || !(typeof v === 'bigint' || Number.isInteger(v)) ? f('geheel') : grenzen(Number(v));
        case 'janee': return typeof v === 'boolean' ? v : getalWaarde(v) === 0 || getalWaarde(v) === 1 ? getalWaarde(v) === 1
          : typeof v === 'string' && JANEE.includes(v.toLowerCase()) ? JANEE.indexOf(v.toLowerCase()) > 5 : f('janee');
        case 'datum': { // een datum, of tekst zoals 2011-11-08; pydantic leest ook een geheel aantal dagen in seconden
          const iso = v instanceof Datum ? v.iso : typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) ? v
            : Number.isInteger(v) && v % 86400 === 0 ? new Date(v * 1000).toISOString().slice(0, 10) : null;
          return iso && geldigeDatum(iso) ? iso : f('datum');
        }
        case 'keuze': return spec.keuzes.includes(v) ? v : f('keuze', { keuzes: spec.keuzes.map((k) => `'${k}'`).join(', ') });
        case 'model': return valideerModel(spec.model, v, loc, fouten);
        case 'lijst': {
          if (spec.tekst_wordt_lijst && typeof v === 'string') v = [v];
          if (!Array.isArray(v)) return f('lijst');
          const uit = v.map((x, i) => valideerVeld(spec.item, x, loc.concat(i), fouten));
          return uit.includes(FOUT) || lengte(uit.length, 'te_veel') === FOUT ? FOUT : uit;
        }
      }
      throw new Error('rekenhulp: onbekende veldsoort ' + spec.soort);
    }

    const STANDAARD = { lijst: () => [], janee: () => false };
    const ontbreekt = (veld, waarom) => ({ code: 'ontbreekt', veld, melding: `${M.ontbreekt} ${M[waarom]}`, ouder: true });
    // De eigen controles van het model (de model_validators in jobcoach/casus.py).
    const EIGEN = {
      Contract: (c) => (c.maanden == null && c.weken == null ? ontbreekt('maanden', 'ontbreekt-duur')
        : c.maanden != null && c.weken != null ? { code: 'dubbel', veld: 'weken', melding: M.dubbel } : null),
      SchemaRij: (r) => {
        const mist = ['uren', 'intensiteit', 'doel'].find((v) => r[v] == null);
        return r.door === 'jobcoach' ? (mist ? ontbreekt(mist, 'ontbreekt-jobcoach') : null)
          : r.uren != null && r.intensiteit == null ? ontbreekt('intensiteit', 'ontbreekt-intensiteit')
            : r.uren != null && r.door == null ? ontbreekt('door', 'ontbreekt-door') : null;
      },
    };

    function valideerModel(naam, v, loc, fouten) {
      if (!isGroep(v)) { fouten.push({ loc, code: 'groep', invoer: v, melding: M.groep }); return FOUT; }
      const uit = {}, velden = MODELLEN[naam];
      let goed = true;
      for (const spec of velden) {
        const l = loc.concat(spec.naam);
        if (!heeft(v, spec.naam)) {
          if (spec.verplicht) { fouten.push({ loc: l, code: 'ontbreekt', melding: M.ontbreekt, ouder: true }); goed = false; } else uit[spec.naam] = STANDAARD[spec.soort] ? STANDAARD[spec.soort]() : null;
          continue;
        }
        let w = valideerVeld(spec, v[spec.naam], l, fouten);
        if (w !== FOUT && naam === 'Casus' && spec.naam === 'protocol' && !PROTOCOLLEN.has(w)) {
          fouten.push({ loc: l, code: 'onbekend_protocol', melding: vul(M.onbekend_protocol, { waarde: w, keuzes: [...PROTOCOLLEN.keys()].join(', ') }) });
          w = FOUT;
        }
        if (w === FOUT) goed = false; else uit[spec.naam] = w;
      }
      for (const k of Object.keys(v)) {
        if (!velden.some((s) => s.naam === k)) {
          fouten.push({ loc: loc.concat(k), code: 'onbekend_veld', melding: M.onbekend_veld + vul(M.toegestaan, { velden: velden.map((s) => s.naam).join(', ') }) });
          goed = false;
        }
      }
      const eigen = goed && EIGEN[naam] && EIGEN[naam](uit);
      if (eigen) fouten.push({ loc: loc.concat(eigen.veld), ...eigen });
      return goed && !eigen ? uit : FOUT;
    }

    /** 'schema', 1, 'uren' wordt 'schema[2].uren', zoals pad_tekst in Python. */
    const padTekst = (loc) => loc.reduce((t, d) => (typeof d === 'number' ? `${t}[${d + 1}]` : t ? `${t}.${d}` : d), '');

    /** Controleer gelezen gegevens; geeft de casus of gooit CasusFout met alle problemen (code, veld, regel, zin). */
    function valideer(doc) {
      if (doc.gegevens == null) throw new CasusFout(doc.problemen.concat(probleem(doc.bestand, '', '', 'bestand is leeg')));
      if (!isGroep(doc.gegevens)) throw new CasusFout([probleem(doc.bestand, '', '', 'het bestand moet bestaan uit velden met een naam (sleutel: waarde)', 1)]);
      const fouten = [], casus = valideerModel('Casus', doc.gegevens, [], fouten);
      const problemen = doc.problemen.concat(fouten.map((f) => {
        const grens = f.code === 'le' && f.spec.grens ? ': ' + f.spec.grens : '';
        const hint = ['getal', 'geheel'].includes(f.code) && typeof f.invoer === 'string' ? T.hints.find((h) => new RegExp(h.patroon).test(f.invoer.trim())) : null;
        const erbij = 'invoer' in f && !['leeg', 'te_kort', 'te_veel', 'te_lang'].includes(f.code) ? vul(M.gevonden, { waarde: gevonden(f.invoer) }) : '';
        return probleem(doc.bestand, padTekst(f.loc), f.code, f.melding + erbij + grens + (hint ? '; ' + hint.tekst : ''), doc.regel(f.ouder ? f.loc.slice(0, -1) : f.loc));
      }));
      if (problemen.length) throw new CasusFout(problemen.sort((a, b) => (a.regel || 0) - (b.regel || 0) || (a.pad < b.pad ? -1 : a.pad > b.pad ? 1 : 0)));
      return casus;
    }
    const laadObject = (gegevens) => valideer({ bestand: '', gegevens, regel: () => null, problemen: [] });

    const bt = (b) => `${b.n}/${b.d}`;
    /** De uitkomst in dezelfde vorm als de Python-kant van de pariteitstest (breuken als 'teller/noemer'). */
    const vergelijking = (u) => ({
      weken: bt(u.weken), contracturen: bt(u.contracturen), begeleidingsuren: bt(u.begeleidingsuren), uren_per_week: bt(u.uren_per_week), percentage: bt(u.percentage),
      uren_per_doel: Object.fromEntries([...u.uren_per_doel].map(([d, w]) => [String(d), bt(w)])),
      rijen: u.rijen.map((r) => ({ nummer: r.nummer, telt_mee: r.telt_mee, uren_per_week: bt(r.uren_per_week), keren: bt(r.keren), totaal: bt(r.totaal) })),
      teksten: { weken: getal(u.weken), contracturen: uren(u.contracturen), begeleidingsuren: uren(u.begeleidingsuren), uren_per_week: uren(u.uren_per_week), percentage: procentAfgekapt(u.percentage) },
      bevindingen: u.bevindingen.map((b) => ({ code: b.code, veld: b.veld, tekst: b.tekst })),
    });

    return {
      R, T, vul, B, NUL, EEN, HONDERD, plus, maal, deel, vergelijk, breuk, getal, uren, procent, procentAfgekapt, nlDatum,
      PROTOCOLLEN, DOELEN, WPM, MODELLEN, specOp, bereken, controleer,
      Kommagetal, Datum, geldigeDatum, probleem, probleemTekst, CasusFout, gevonden, padTekst, valideer, laadObject, vergelijking,
    };
  }

  return { maak };
}));
