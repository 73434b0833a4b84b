/*! Rekenkern van Leidraad Jobcoach online. Licentie: EUPL-1.2. Leesbare bron: docs/javascripts/rekenkern.js */
/*
 * De berekening, de controles en het lezen van casusbestanden van de rekenhulp, zonder pagina: geen document, geen
 * window. Alles wat een regel is (weken per maand, maxima, grenzen, routes, de zinnen van bevindingen en meldingen)
 * komt uit het JSON-blok dat de bouw maakt (jobcoach/browser.py); deze code kent geen eigen getal of zin.
 *
 * Twee plekken gebruiken deze code:
 * - de pagina Rekenhulp: <script src="rekenkern.js"> zet `Rekenkern` klaar; rekenhulp.js maakt het formulier;
 * - de pariteitstest (tests/test_rekenhulp_node.py, in make check): Node laadt dit bestand met require() en rekent
 *   en leest dezelfde casussen en casusbestanden als het Python-pakket; elk verschil in een getal, bevinding of
 *   melding laat de test falen.
 *
 * Gebruik: const K = Rekenkern.maak(regels); K.laadObject(gegevens) of K.laadYaml(tekst, bestand) (met js-yaml als
 * `jsyaml` geladen; K.tekstUitBytes leest de bytes van een bestand) geeft een casus of gooit K.CasusFout;
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
    const deel_ = (a, b) => B(a.n * b.d, a.d * b.n);
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

    const KADERS = new Map(R.kaders.map((k) => [k.id, k]));
    const kleinste = (a, b) => (vergelijk(a, b) <= 0 ? a : b);
    const grootste = (a, b) => (vergelijk(a, b) >= 0 ? a : b);
    const som = (lijst) => lijst.reduce(plus, NUL);

    // ---------------------------------------------------------------------------------------------
    // Berekening (jobcoach/berekening.py): fasen, perioden van zes maanden, uren per doel

    /** Het kader van een casus en de protocolversie waarvan de grenzen gelden (Regels.kader_en_protocol). */
    function kaderEnProtocol(kaderId, protocolId) {
      let protocol = protocolId != null ? PROTOCOLLEN.get(protocolId) : null;
      if (kaderId == null) {
        kaderId = protocol == null ? R.standaard_kader
          : R.kaders.find((k) => k.protocol_soort === protocol.soort || (k.protocol != null && PROTOCOLLEN.get(k.protocol).soort === protocol.soort)).id;
      }
      const kader = KADERS.get(kaderId);
      if (protocol == null && kader.protocol != null) protocol = PROTOCOLLEN.get(kader.protocol);
      return { kader, protocol: protocol || null };
    }
    const wekenPerMaand = (casus) => (casus.weken_per_maand != null ? breuk(casus.weken_per_maand) : WPM);
    const contractweken = (casus) => (casus.contract.weken != null ? breuk(casus.contract.weken) : maal(breuk(casus.contract.maanden), wekenPerMaand(casus)));
    /** Om de hoeveel weken: wekelijks 1, tweewekelijks 2 (uit de regels), maandelijks de weken per maand van de casus. */
    const elkeNWeken = (intensiteit, wpm) => (intensiteit === 'maandelijks' ? wpm : breuk(R.elke_n_weken[intensiteit]));
    /** De fasen van een rij die meetelt, met begin, duur, uren per keer en aantal keren (berekening.delen). */
    function delen(rij, weken, wpm) {
      const fasen = rij.fasen == null ? [[weken, rij.intensiteit, breuk(rij.uren)]]
        : rij.fasen.map((f) => [breuk(f.weken), f.intensiteit, breuk(f.uren != null ? f.uren : rij.uren)]);
      let begin = NUL;
      return fasen.map(([duur, intensiteit, u]) => {
        const deel = { begin, weken: duur, intensiteit, uren: u, keren: intensiteit === 'eenmalig' ? EEN : deel_(duur, elkeNWeken(intensiteit, wpm)) };
        begin = plus(begin, duur);
        return deel;
      });
    }
    /** De uren van een fase in de weken [van, tot). */
    function inBlok(d, van, tot) {
      if (d.intensiteit === 'eenmalig') return vergelijk(van, d.begin) <= 0 && vergelijk(d.begin, tot) < 0 ? d.uren : NUL;
      const overlap = plus(kleinste(tot, plus(d.begin, d.weken)), maal(grootste(van, d.begin), B(-1n)));
      return overlap.n > 0n ? deel_(maal(maal(d.uren, d.keren), overlap), d.weken) : NUL;
    }

    function bereken(casus) {
      const { kader, protocol } = kaderEnProtocol(casus.kader, casus.protocol);
      const c = casus.contract, wpm = wekenPerMaand(casus), weken = contractweken(casus);
      const upw = breuk(c.uren_per_week), contracturen = maal(upw, weken);
      const perDoel = new Map(DOELEN.map((d) => [d, NUL]));
      const rijen = casus.schema.map((rij, i) => {
        const telt = rij.door === 'jobcoach';
        if (!telt) return { nummer: i + 1, rij, telt_mee: false, uren_per_week: NUL, keren: NUL, totaal: NUL, fasen: [] };
        const fasen = delen(rij, weken, wpm);
        const totaal = som(fasen.map((d) => maal(d.uren, d.keren)));
        perDoel.set(rij.doel, plus(perDoel.get(rij.doel), totaal));
        return { nummer: i + 1, rij, telt_mee: true, uren_per_week: deel_(totaal, weken), keren: som(fasen.map((d) => d.keren)), totaal, fasen };
      });
      for (const e of casus.extra) perDoel.set(e.doel, plus(perDoel.get(e.doel), breuk(e.uren)));
      // Perioden van zes maanden vanaf het begin van het contract; de eerste is de periode uit de casus.
      const blok = maal(breuk(R.periode_maanden), wpm), perioden = [];
      for (let van = NUL; vergelijk(van, weken) < 0;) {
        const tot = kleinste(plus(van, blok), weken), urenDoel = new Map(DOELEN.map((d) => [d, NUL]));
        for (const r of rijen) for (const d of r.fasen) urenDoel.set(r.rij.doel, plus(urenDoel.get(r.rij.doel), inBlok(d, van, tot)));
        if (!perioden.length) for (const e of casus.extra) urenDoel.set(e.doel, plus(urenDoel.get(e.doel), breuk(e.uren)));
        const pc = maal(upw, plus(tot, maal(van, B(-1n)))), bu = som([...urenDoel.values()]), nummer = casus.periode + perioden.length;
        perioden.push({ nummer, van, tot, weken: plus(tot, maal(van, B(-1n))), contracturen: pc, uren_per_doel: urenDoel, begeleidingsuren: bu,
          percentage: maal(deel_(bu, pc), HONDERD), jaar: Math.floor((nummer - 1) / R.perioden_per_jaar) + 1 });
        van = tot;
      }
      const begeleidingsuren = som([...perDoel.values()]);
      const u = {
        casus, kader, protocol, weken_per_maand: wpm, weken, contracturen, rijen, extra: casus.extra, begeleidingsuren,
        uren_per_week: deel_(begeleidingsuren, weken), uren_per_doel: perDoel, percentage: maal(deel_(begeleidingsuren, contracturen), HONDERD),
        perioden, historisch: kader.soort === 'historisch', verlenging: casus.periode >= 2,
      };
      u.bevindingen = controleer(u);
      return u;
    }

    // ---------------------------------------------------------------------------------------------
    // Controles (jobcoach/controles.py); de zinnen staan in teksten.yml (bevindingen), de grenzen in regels.yml

    function controleer(u) {
      const { casus, protocol: p, kader } = u, c = casus.contract, t = T.bevindingen, uit = [];
      /** Een bevinding met het kader en de bron achter de tekst ('Bron: de regels van juli 2011, …'). */
      const maak = (code, veld, kaderTekst, bron, sleutel, w = {}) => {
        const label = vul(t.bron, { kader: kaderTekst, bron: bron.trim().replace(/\.+$/, '') });
        uit.push({ code, veld, tekst: vul(t[sleutel || code], { kader: kaderTekst, ...w }) + ' ' + label, kader: label });
      };
      const pLabel = p && p.label, pBron = p && p.bron_kort;
      const regimes = [['aanvraag', casus.aanvraag, t.aangevraagde], ['advies', casus.advies, t.geadviseerde]].filter(([, r]) => r && r.regime != null);
      // Het advies tegen de berekende behoefte: lager of hoger is een vraag; gelijk is geen bevinding.
      const a = casus.advies;
      if (a) {
        const lijst = [];
        if (a.regime != null) lijst.push(['advies.regime', breuk(a.regime), u.percentage, procent(a.regime), procentAfgekapt(u.percentage)]);
        if (a.uren != null) lijst.push(['advies.uren', breuk(a.uren), u.begeleidingsuren, uren(a.uren) + ' uur', uren(u.begeleidingsuren) + ' uur']);
        for (const [veld, waarde, berekend, advies, berekendTekst] of lijst) {
          const v = vergelijk(waarde, berekend);
          if (v) maak(v < 0 ? 'advies-onder-berekening' : 'advies-boven-berekening', veld, t.leidraad, t.leidraad_toetsing, null, { advies, berekend: berekendTekst });
        }
      }
      if (p) {
        if (!p.max_per_jaar) { // percentages van het protocol (niet bij de interne jobcoach: die heeft een maximum per jaar)
          const max = p.maximum, normaal = p.normaal_max;
          if (max != null && vergelijk(u.percentage, breuk(max)) > 0) maak('berekend-boven-maximum', 'schema', pLabel, pBron, null, { berekend: procentAfgekapt(u.percentage), maximum: procent(max) });
          else if (normaal != null && vergelijk(u.percentage, breuk(normaal)) > 0) maak('berekend-vraagt-onderbouwing', 'schema', pLabel, pBron, null, { berekend: procentAfgekapt(u.percentage), normaal: procent(normaal) });
          for (const [veld, r, wie] of regimes) {
            if (max != null && r.regime > max) maak(`${veld}-boven-maximum`, `${veld}.regime`, pLabel, pBron, 'boven-maximum', { wie, regime: procent(r.regime), maximum: procent(max) });
            else if (normaal != null && r.regime > normaal) maak(`${veld}-vraagt-onderbouwing`, `${veld}.regime`, pLabel, pBron, 'vraagt-onderbouwing', { wie, regime: procent(r.regime), normaal: procent(normaal) });
          }
        } else { // de interne jobcoach: per periode het maximum van haar jaar
          const maxima = p.max_per_jaar;
          for (const pr of u.perioden) {
            if (pr.jaar <= maxima.length && vergelijk(pr.percentage, breuk(maxima[pr.jaar - 1])) > 0) {
              maak('berekend-boven-jaarmaximum', 'schema', pLabel, pBron, null, { periode: String(pr.nummer), jaar: String(pr.jaar), berekend: procentAfgekapt(pr.percentage), maximum: procent(maxima[pr.jaar - 1]) });
            }
          }
          const eerste = u.perioden[0];
          if (eerste.jaar <= maxima.length) {
            for (const [veld, r, wie] of regimes) {
              if (r.regime > maxima[eerste.jaar - 1]) {
                maak(`${veld}-boven-jaarmaximum`, `${veld}.regime`, pLabel, pBron, 'regime-boven-jaarmaximum', { wie, regime: procent(r.regime),
                  maximum: procent(maxima[eerste.jaar - 1]), jaar: String(eerste.jaar), periode: String(eerste.nummer) });
              }
            }
          }
          const teLaat = p.max_jaren != null ? u.perioden.filter((pr) => pr.jaar > p.max_jaren) : [];
          if (teLaat.length) maak('na-max-jaren', 'periode', pLabel, pBron, null, { periode: String(teLaat[0].nummer), jaar: String(teLaat[0].jaar), jaren: String(p.max_jaren) });
        }
        const s = p.standaard;
        if (s) {
          if (s.min_maanden != null && !(s.proefplaatsing_telt && c.proefplaatsing)) {
            const min = maal(breuk(s.min_maanden), u.weken_per_maand);
            if (vergelijk(u.weken, min) < 0) {
              maak('contract-te-kort', 'contract', pLabel, pBron, null, { weken: getal(u.weken), min_maanden: getal(s.min_maanden), min_weken: getal(min),
                of_proefplaatsing: t[s.proefplaatsing_telt ? 'of_proefplaatsing' : 'punt'] });
            }
          }
          if (s.min_uren_per_week != null && c.uren_per_week < s.min_uren_per_week) maak('contract-te-weinig-uren', 'contract.uren_per_week', pLabel, pBron, null, { uren: getal(c.uren_per_week), min_uren: getal(s.min_uren_per_week) });
          if (s.min_loonwaarde_wml != null && c.loonwaarde_wml != null && c.loonwaarde_wml < s.min_loonwaarde_wml) {
            maak('loonwaarde-te-laag', 'contract.loonwaarde_wml', pLabel, pBron, null, { loonwaarde: procent(c.loonwaarde_wml), min_loonwaarde: procent(s.min_loonwaarde_wml) });
          }
        }
      }
      // Een verlenging (periode 2 of later) vraagt minder uren dan de vorige periode, of een reden.
      if (u.verlenging) {
        if (casus.vorige_uren == null) maak('verlenging-zonder-vorige-uren', 'vorige_uren', t.leidraad, t.leidraad_vervolg, null, { periode: String(casus.periode) });
        else if (vergelijk(u.perioden[0].begeleidingsuren, breuk(casus.vorige_uren)) >= 0) {
          maak('verlenging-zonder-afbouw', 'schema', t.leidraad, t.leidraad_vervolg, null, { periode: String(casus.periode), uren: uren(u.perioden[0].begeleidingsuren), vorige: uren(casus.vorige_uren) });
        }
      }
      if (u.historisch) { // alleen een historische casus: gold het protocol op de datum, en geldt het nog?
        if (!casus.datum) maak('datum-ontbreekt', 'datum', pLabel, pBron, null, { protocol: p.naam });
        else {
          const geldig = casus.datum < p.geldig_van ? false : p.geldend ? true : !p.geldig_tot ? null : casus.datum <= p.geldig_tot;
          if (geldig === null) maak('geldigheid-onbekend', 'datum', pLabel, pBron, null, { protocol: p.naam, datum: nlDatum(casus.datum) });
          else if (!geldig) {
            maak('datum-buiten-protocol', 'datum', pLabel, p.bron_einde || pBron, null, { datum: nlDatum(casus.datum), protocol: p.naam,
              van: nlDatum(p.geldig_van), tot: p.geldig_tot ? nlDatum(p.geldig_tot) : t.onbekend });
          }
          if (R.einde_protocollen && casus.datum >= R.einde_protocollen) maak('protocol-vervallen', 'datum', pLabel, R.bron_vervallen, null, { vanaf: nlDatum(R.einde_protocollen), protocol: p.naam });
        }
      } else if (casus.datum) { // een casus van nu: ligt de datum vóór het begin van het kader (of van zijn protocol)?
        const begin = kader.geldig_van || (p ? p.geldig_van : null);
        if (begin && casus.datum < begin) maak('datum-voor-kader', 'datum', kader.label, kader.bron_kort, null, { datum: nlDatum(casus.datum), van: nlDatum(begin) });
      }
      if (u.begeleidingsuren.n === 0n) maak('geen-uren', 'schema', t.site, t.site_bron);
      // Aannemelijkheid (controles.aannemelijkheid)
      if (vergelijk(u.begeleidingsuren, u.contracturen) > 0) {
        maak('uren-boven-contract', 'schema', t.site, t.site_bron, null, { begeleidingsuren: uren(u.begeleidingsuren), contracturen: uren(u.contracturen) });
      }
      const an = R.aannemelijk, wpm = u.weken_per_maand;
      if (c.uren_per_week > an.max_uren_per_week) maak('veel-contracturen', 'contract.uren_per_week', t.site, an.bron, null, { uren: getal(c.uren_per_week), max: getal(an.max_uren_per_week), reden: an.reden });
      if (p && p.max_jaren != null && !p.max_per_jaar) { // eerdere perioden tellen mee: periode 3 begint na 2 × 6 maanden
        const eind = plus(maal(breuk((casus.periode - 1) * R.periode_maanden), wpm), u.weken), maxWeken = maal(breuk(p.max_jaren * R.maanden_per_jaar), wpm);
        if (vergelijk(eind, maxWeken) > 0) maak('contract-te-lang', 'contract', pLabel, pBron, null, { eind_week: getal(eind), jaren: String(p.max_jaren), max_weken: getal(maxWeken), weken_per_maand: getal(wpm) });
      }
      if (u.historisch && p && p.periode_maanden != null && vergelijk(u.weken, maal(breuk(p.periode_maanden), wpm)) !== 0) {
        maak('andere-periode', 'contract', pLabel, pBron, null, { weken: getal(u.weken), protocol: p.naam, maanden: String(p.periode_maanden), periode_weken: getal(maal(breuk(p.periode_maanden), wpm)) });
      }
      return uit;
    }

    const geldigeDatum = (iso) => { const d = new Date(iso + 'T00:00:00Z'); return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso); };
    class Kommagetal { constructor(w) { this.w = w; } }
    class Datum { constructor(iso) { this.iso = iso; } }
    const probleem = (bestand, pad, code, melding, regel = null) => ({ bestand, pad, code, melding, regel });
    // Zoals jobcoach.fouten.Probleem.__str__: bestand, veldnaam en zin met elk stuur-, richting- of onzichtbaar teken als
    // \x1b of \u202e (een rauwe U+202E in een veldnaam draaide anders de rest van de regel op het scherm om).
    const probleemTekst = (p) => [p.regel == null ? p.bestand : `${p.bestand}:${p.regel}`, p.pad, p.melding]
      .filter((x) => x !== '').map(veilig).join(': ');
    class CasusFout extends Error { constructor(problemen) { super(problemen.map(probleemTekst).join('\n')); this.problemen = problemen; } }

    // ---------------------------------------------------------------------------------------------
    // Controleren tegen het model uit de pagina; elke fout krijgt de code en de zin uit teksten.yml (meldingen)

    const VERBODEN = new RegExp(R.verboden_in_tekst, 'u');
    /** Een teken zoals Python en YAML het tussen dubbele aanhalingstekens schrijven: \x1b, \u202e (jobcoach.fouten.ontsnapt). */
    function ontsnapt(teken) {
      const code = teken.codePointAt(0), hex = code.toString(16);
      return code < 0x100 ? '\\x' + hex.padStart(2, '0') : code < 0x10000 ? '\\u' + hex.padStart(4, '0') : '\\U' + hex.padStart(8, '0');
    }
    /** Een onzichtbaar teken zichtbaar: 'U+000B (\x0b, verticale tab)' (jobcoach.fouten.zichtbaar, zonder de schriftnamen). */
    function zichtbaar(teken) {
      const hex = teken.codePointAt(0).toString(16), naam = R.tekennamen[hex.toUpperCase().padStart(4, '0')];
      return `U+${hex.toUpperCase().padStart(4, '0')} (${ontsnapt(teken)}${naam ? ', ' + naam : ''})`;
    }
    /** Tekst met elk stuur-, richting- of onzichtbaar teken ontsnapt (jobcoach.fouten.veilig; hetzelfde patroon). */
    const VERBODEN_OVERAL = new RegExp(R.verboden_in_tekst, 'gu');
    const veilig = (tekst) => String(tekst).replace(VERBODEN_OVERAL, ontsnapt);
    const isGroep = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Kommagetal) && !(v instanceof Datum);
    const heeft = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
    const FOUT = Symbol('fout');
    const JANEE = ['0', 'off', 'f', 'false', 'n', 'no', '1', 'on', 't', 'true', 'y', 'yes']; // tekst die pydantic als ja/nee leest
    const W = T.waarden;
    const gevonden0 = (v) => (Array.isArray(v) ? W.lijst : v == null ? W.leeg : typeof v === 'boolean' ? (v ? W.ja : W.nee)
      : typeof v === 'string' ? `'${v}'` : v instanceof Kommagetal ? String(v.w) : v instanceof Datum ? v.iso : isGroep(v) ? W.groep : String(v));
    // Een lange waarde ingekort, zoals lezer._waarde: een melding herhaalt geen 4000 cijfers.
    const gevonden = (v) => {
      const max = R.max_getoond;
      if (typeof v === 'bigint' && (v < 0n ? -v : v) >= 10n ** BigInt(max)) return vul(W.cijfers, { cijfers: String(v < 0n ? -v : v).length });
      // een tekst: heel als hij met de aanhalingstekens past; anders het aantal tekens van de tekst zelf
      if (typeof v === 'string' && [...v].length + 2 > max) return vul(W.ingekort, { begin: `'${[...v].slice(0, 20).join('')}'`, tekens: [...v].length });
      const tekst = gevonden0(v);
      return [...tekst].length <= max ? tekst : vul(W.ingekort, { begin: [...tekst].slice(0, 20).join(''), tekens: [...tekst].length });
    };
    const getalWaarde = (v) => (v instanceof Kommagetal ? v.w : typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : undefined);

    function valideerVeld(spec, v, loc, fouten) {
      const f = (code, w = {}) => { fouten.push({ loc, code, invoer: v, melding: vul(M[code], w), spec }); return FOUT; };
      if (v === null && spec.leeg) return null;
      const grenzen = (w) => (spec.gt != null && !(w > spec.gt) ? f('gt', { grens: getal(spec.gt) })
        : spec.ge != null && !(w >= spec.ge) ? f('ge', { grens: getal(spec.ge) }) : spec.le != null && !(w <= spec.le) ? f('le', { grens: getal(spec.le) }) : w);
      const lengte = (n, code) => (spec.min_lengte && n < spec.min_lengte ? f(spec.min_lengte === 1 ? 'leeg' : 'te_kort', { min: spec.min_lengte })
        : spec.max_lengte != null && n > spec.max_lengte ? f(code, { max: spec.max_lengte }) : true);
      switch (spec.soort) {
        case 'tekst': {
        if (typeof v !== 'string') return f('tekst');
        if (lengte([...v].length, 'te_lang') === FOUT) return FOUT;
        const m = VERBODEN.exec(v); // stuur-, richting- en onzichtbare tekens (lezer.Tekst)
        return m ? f('stuurteken', { teken: zichtbaar(m[0]) }) : v;
      }
        case 'getal': {
          const w = getalWaarde(v);
          if (typeof v === 'bigint' && !Number.isFinite(w)) { // te groot voor een kommagetal, zoals jobcoach/lezer.py
            fouten.push({ loc, code: 'veel_cijfers', melding: vul(M.veel_cijfers, { cijfers: String(v < 0n ? -v : v).length }), spec });
            return FOUT;
          }
          return w === undefined || !Number.isFinite(w) ? f('getal') : grenzen(w);
        }
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
    const ontbreekt = (veld, waarom, w) => ({ code: 'ontbreekt', veld, melding: `${M.ontbreekt} ${vul(M[waarom], w)}`, ouder: true });
    const fout = (code, veld, sleutel, w) => ({ code, veld, melding: vul(M[sleutel], w) });
    // De eigen controles van het model (de model_validators in jobcoach/casus.py).
    const EIGEN = {
      Contract: (c) => (c.maanden == null && c.weken == null ? ontbreekt('maanden', 'ontbreekt-duur')
        : c.maanden != null && c.weken != null ? { code: 'dubbel', veld: 'weken', melding: M.dubbel } : null),
      Regime: (r) => (r.regime == null && r.uren == null ? ontbreekt('regime', 'ontbreekt-regime-of-uren') : null),
      SchemaRij: (r) => {
        if (r.fasen != null) {
          if (r.intensiteit != null) return fout('dubbel', 'fasen', 'dubbel-fasen');
          const zonder = r.fasen.findIndex((f) => f.uren == null && r.uren == null);
          if (zonder >= 0) return ontbreekt('uren', 'ontbreekt-fase-uren', { fase: zonder + 1 });
        }
        const mist = ['uren', 'intensiteit', 'doel'].find((v) => r[v] == null && !(r.fasen != null && v !== 'doel'));
        return r.door === 'jobcoach' ? (mist ? ontbreekt(mist, 'ontbreekt-jobcoach') : null)
          : r.fasen != null && r.door == null ? ontbreekt('door', 'ontbreekt-door')
            : r.uren != null && r.intensiteit == null && r.fasen == null ? ontbreekt('intensiteit', 'ontbreekt-intensiteit')
              : r.uren != null && r.door == null ? ontbreekt('door', 'ontbreekt-door') : null;
      },
      Casus: (c) => { // kader en protocol passen bij elkaar; verordening, vorige uren en fasen kloppen met de rest
        const k = c.kader != null ? KADERS.get(c.kader) : null, p = c.protocol != null ? PROTOCOLLEN.get(c.protocol) : null;
        if (k) {
          if (k.protocol_soort != null && p == null) return ontbreekt('protocol', 'ontbreekt-protocol', { kader: k.id });
          if (p && (k.protocol_soort != null ? p.soort !== k.protocol_soort : k.protocol == null || PROTOCOLLEN.get(k.protocol).soort !== p.soort)) {
            return fout('kader_protocol', 'protocol', 'kader-protocol', { kader: k.id, protocol: p.id });
          }
          if (k.verordening && c.verordening == null) return ontbreekt('verordening', 'ontbreekt-verordening');
        }
        if (c.verordening != null && !(k && k.verordening)) return fout('alleen_bij', 'verordening', 'alleen-gemeente');
        if (c.vorige_uren != null && c.periode < 2) return fout('alleen_bij', 'vorige_uren', 'alleen-verlenging');
        const weken = contractweken(c);
        for (const [i, r] of c.schema.entries()) {
          if (r.fasen == null) continue;
          const samen = som(r.fasen.map((f) => breuk(f.weken)));
          if (vergelijk(samen, weken) > 0) return fout('fasen_te_lang', ['schema', i, 'fasen'], 'fasen-te-lang', { samen: getal(samen), weken: getal(weken) });
        }
        return null;
      },
    };

    function valideerModel(naam, v, loc, fouten) {
      if (!isGroep(v)) { fouten.push({ loc, code: 'groep', invoer: v, melding: M.groep }); return FOUT; }
      const uit = {}, velden = MODELLEN[naam];
      let goed = true;
      for (const spec of velden) {
        const l = loc.concat(spec.naam);
        if (!heeft(v, spec.naam)) {
          if (spec.verplicht) { fouten.push({ loc: l, code: 'ontbreekt', melding: M.ontbreekt, ouder: true }); goed = false; } else uit[spec.naam] = spec.standaard !== undefined ? spec.standaard : !spec.leeg && STANDAARD[spec.soort] ? STANDAARD[spec.soort]() : null;
          continue;
        }
        let w = valideerVeld(spec, v[spec.naam], l, fouten);
        if (w !== FOUT && w != null && naam === 'Casus' && spec.naam === 'protocol' && !PROTOCOLLEN.has(w)) {
          fouten.push({ loc: l, code: 'onbekend_protocol', melding: vul(M.onbekend_protocol, { waarde: w, keuzes: [...PROTOCOLLEN.keys()].join(', ') }) });
          w = FOUT;
        }
        if (w !== FOUT && w != null && naam === 'Casus' && spec.naam === 'kader' && !KADERS.has(w)) {
          fouten.push({ loc: l, code: 'onbekend_kader', melding: vul(M.onbekend_kader, { waarde: w, keuzes: [...KADERS.keys()].join(', ') }) });
          w = FOUT;
        }
        if (w === FOUT) goed = false; else uit[spec.naam] = w;
      }
      for (const k of Object.keys(v)) {
        const teken = VERBODEN.exec(k); // een stuurteken in de veldnaam: zichtbaar maken, zoals lezer.lees_yaml
        if (teken) {
          fouten.push({ loc: loc.concat(k), code: 'stuurteken', melding: vul(M.stuurteken_naam, { teken: zichtbaar(teken[0]) }) });
          goed = false;
        } else if (!velden.some((s) => s.naam === k)) {
          // 'proefplaatsіng' met een Cyrillische і lijkt op een bekend veld: noem het vreemde teken (fouten.vreemde_tekens)
          const vreemd = [...new Set([...k].filter((t) => !(t >= ' ' && t <= '~')))].map((t) => `'${t}' ${zichtbaar(t)}`).join(', ');
          fouten.push({ loc: loc.concat(k), code: 'onbekend_veld', melding: M.onbekend_veld + (vreemd ? vul(M.vreemde_tekens, { tekens: vreemd }) : '') + vul(M.toegestaan, { velden: velden.map((s) => s.naam).join(', ') }) });
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
      if (doc.gegevens == null) throw new CasusFout(doc.problemen.concat(probleem(doc.bestand, '', '', M.leeg_bestand)));
      if (!isGroep(doc.gegevens)) throw new CasusFout([probleem(doc.bestand, '', '', M.geen_velden, 1)]);
      const fouten = [], casus = valideerModel('Casus', doc.gegevens, [], fouten);
      const problemen = doc.problemen.concat(fouten.map((f) => {
        const grens = f.code === 'le' && f.spec.grens ? ': ' + f.spec.grens : '';
        const hint = ['getal', 'geheel'].includes(f.code) && typeof f.invoer === 'string' ? T.hints.find((h) => new RegExp(h.patroon).test(f.invoer.trim())) : null;
        const erbij = 'invoer' in f && !['leeg', 'te_kort', 'te_veel', 'te_lang', 'stuurteken'].includes(f.code) ? vul(M.gevonden, { waarde: gevonden(f.invoer) }) : '';
        return probleem(doc.bestand, padTekst(f.loc), f.code, f.melding + erbij + grens + (hint ? '; ' + hint.tekst : ''), doc.regel(f.ouder ? f.loc.slice(0, -1) : f.loc));
      }));
      if (problemen.length) throw new CasusFout(problemen.sort((a, b) => (a.regel || 0) - (b.regel || 0) || (a.pad < b.pad ? -1 : a.pad > b.pad ? 1 : 0)));
      return casus;
    }
    const laadObject = (gegevens) => valideer({ bestand: '', gegevens, regel: () => null, problemen: [] });

    // ---------------------------------------------------------------------------------------------
    // Casusbestanden lezen (jobcoach/lezer.py): js-yaml geeft de gebeurtenissen, de waarden maken we zoals de lezer
    // van Python (YAML 1.2, alleen decimale getallen). js-yaml moet als `jsyaml` klaarstaan voor leesYaml draait.

    const MAX_BYTES = R.grenzen.max_bytes;
    function scalair(s) { // zoals de Menslezer van jobcoach/lezer.py
      if (/^(?:~|null|Null|NULL|)$/.test(s)) return null;
      if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(s)) return s[0].toLowerCase() === 't';
      if (/^[-+]?(?:0|[1-9][0-9]*)$/.test(s)) { const n = BigInt(s); return Number.isSafeInteger(Number(n)) ? Number(n) : n; }
      if (/^[-+]?(?:[0-9]+\.[0-9]+|\.[0-9]+)$/.test(s)) return new Kommagetal(Number(s));
      if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)) return new Datum(s);
      return s;
    }

    /** Lees YAML-tekst. Geeft {bestand, gegevens, regel(pad), problemen}; gooit CasusFout bij een bestand dat geen casus kan zijn. */
    function leesYaml(tekst, bestand) {
      const regelBegin = [0];
      for (let i = 0; i < tekst.length; i++) if (tekst[i] === '\n') regelBegin.push(i + 1);
      const regelVan = (pos) => { let lo = 0, hi = regelBegin.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (regelBegin[m] <= pos) lo = m; else hi = m - 1; } return lo + 1; };
      const begin = (e) => Math.min(...[e.start, e.valueStart, e.anchorStart, e.tagStart].filter((x) => x != null && x >= 0));
      const fout = (melding, regel) => new CasusFout([probleem(bestand, '', '', melding, regel)]);
      // De grenzen van jobcoach/lezer.py: omvang, één document, geen ankers/verwijzingen, geen tags.
      function grens(e, docs) {
        if (e.type === E.DOCUMENT && docs === 2) {
          const streep = tekst.split('\n').map((r, n) => (/^---(\s|$)/.test(r) ? n + 1 : 0)).filter(Boolean);
          return fout(M.twee_documenten, streep[events[0].explicitStart ? 1 : 0] || null);
        }
        if (e.type === E.ALIAS || e.anchorStart >= 0) return fout(M.ankers, regelVan(begin(e)));
        if (e.tagStart >= 0) return fout(vul(M.yaml_tag, { tag: tekst.slice(e.tagStart, e.tagEnd) }), regelVan(begin(e)));
        return null;
      }
      if (new TextEncoder().encode(tekst).length > MAX_BYTES) throw fout(vul(M.te_groot_tekst, { mb: MAX_BYTES / 1e6 }));
      const stuur = new RegExp(R.grenzen.stuurteken_in_bestand, 'u').exec(tekst);
      if (stuur) throw fout(vul(M.stuurteken_bestand, { teken: 'U+' + stuur[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') }), regelVan(stuur.index));
      // een BOM vooraan een regel, behalve één helemaal vooraan (zoals jobcoach/lezer.py, _stuurtekens)
      const eerste = tekst.startsWith('\ufeff') ? 1 : 0;
      const bom = tekst.startsWith('\ufeff', eerste) ? eerste : tekst.indexOf('\n\ufeff', eerste) + 1; // 0: geen
      if (bom) throw fout(M.bom, regelVan(bom));
      let events, i = 1;
      const Y = globalThis.jsyaml, E = Y.EVENT_ID; // js-yaml: in de pagina geladen door rekenhulp.js, in de test door Node
      try { events = Y.parseEvents(tekst, { maxDepth: R.grenzen.max_diepte }); } catch (f) {
        if (/^nesting exceeded/.test(f.reason || '')) {
          throw fout(vul(M.te_diep, { max: R.grenzen.max_diepte }), f.mark ? f.mark.line + 1 : null);
        }
        // Waar het misgaat, in het Nederlands; `jobcoach controleer` legt uit wat er mis is.
        const regelTekst = f.mark ? tekst.split(/\r\n|\r|\n/)[f.mark.line] || '' : '';
        const tab = f.mark && regelTekst[f.mark.column] === '\t';
        // De gewone oorzaak: een ':' in een tekst zonder aanhalingstekens (knelpunt: Let op: aansturing).
        const dubbelePunt = f.reason === 'bad indentation of a mapping entry' && /^\s*(?:-\s+)?[^\s:#'"][^:#]*:\s+[^\s'"][^#]*:(?:\s|$)/.test(regelTekst);
        const eindeInTekst = /^unexpected end of the stream within a (double|single) quoted scalar/.test(f.reason || '');
        // Een sleutel zonder ':' (knelpunt Aansturing): js-yaml zegt dit op twee manieren, PyYAML 'could not find expected ':''.
        const geenDubbelePunt = /^(can not read a block mapping entry; a multiline key may not be an implicit key|expected ':' after a mapping key)$/.test(f.reason || '');
        throw fout(vul(M.ongeldige_yaml, { uitleg: tab ? M.tab : dubbelePunt ? M['dubbele-punt'] : eindeInTekst ? M['einde-in-tekst'] : geenDubbelePunt ? M.na_sleutel : T.rekenhulp.geen_yaml_hier }),
          f.mark ? f.mark.line + 1 : null);
      }
      let docs = 0;
      for (const e of events) { if (e.type === E.DOCUMENT) docs++; const g = grens(e, docs); if (g) throw g; }
      const problemen = [];
      // Eén knoop: de waarde, de regel waar hij begint, en bij een groep of lijst de delen (voor regel(pad)).
      // pad: waar de knoop staat, voor de melding bij een dubbele sleutel (schema[1].uren, zoals jobcoach/lezer.py).
      function knoop(pad) {
        const e = events[i++], k = { regel: regelVan(begin(e)) };
        if (e.type === E.MAPPING) {
          k.paren = []; k.waarde = Object.create(null);
          const gezien = new Map();
          while (events[i].type !== E.POP) {
            const sleutel = knoop(pad);
            // een groep als sleutel heeft geen tekst (String() zou falen): eerst deze melding, zoals de lezer van Python
            if (sleutel.paren || sleutel.items) throw fout(M.sleutel_lijst, sleutel.regel);
            const naam = String(sleutel.waarde), waarde = knoop([...pad, naam]);
            if (gezien.has(naam)) problemen.push(probleem(bestand, padTekst([...pad, naam]), '', vul(M.dubbele_sleutel, { regel: gezien.get(naam) }), sleutel.regel));
            else gezien.set(naam, sleutel.regel);
            if (typeof sleutel.waarde !== 'string' && !(sleutel.waarde instanceof Kommagetal || sleutel.waarde instanceof Datum) || sleutel.waarde === null) {
              k.nietTekst = (k.nietTekst || []).concat([sleutel]); // geen veldnaam: melding hieronder, geen veld
              continue;
            }
            k.paren.push({ naam, regel: sleutel.regel, waarde });
            k.waarde[naam] = waarde.waarde; // bij een dubbele sleutel telt de laatste, zoals in PyYAML
          }
          i++;
        } else if (e.type === E.SEQUENCE) {
          k.items = [];
          while (events[i].type !== E.POP) k.items.push(knoop([...pad, k.items.length]));
          k.waarde = k.items.map((x) => x.waarde);
          i++;
        } else {
          const s = Y.getScalarValue(tekst, e);
          k.waarde = e.style === 1 ? scalair(s) : s;
          if (e.style === 1 && /^[-+]?[0-9.]+$/.test(s)) k.cijfers = s.length; // zie hieronder: een getal dat niemand bedoelt
          if (e.style === 1 && /^[-+]?(?:0|[1-9][0-9]*)$/.test(s) && s.replace(/^[-+]/, '').length > R.grenzen.max_int_cijfers) veelCijfers = true;
          if (k.waarde instanceof Datum && !geldigeDatum(k.waarde.iso)) onmogelijk = true;
        }
        return k;
      }
      let veelCijfers = false, onmogelijk = false;
      const wortel = events.length > 1 && events[1].type !== E.POP ? knoop([]) : null;
      const nietTekst = (k, pad) => { // zoals jobcoach/lezer.py (invalid_key): het veld van de groep, de regel van de sleutel
        for (const s of k.nietTekst || []) problemen.push(probleem(bestand, padTekst(pad), 'sleutel_geen_tekst', M.sleutel_geen_tekst + vul(M.gevonden, { waarde: gevonden(s.waarde) }), s.regel));
        for (const x of k.paren || []) nietTekst(x.waarde, [...pad, x.naam]);
        (k.items || []).forEach((x, n) => nietTekst(x, [...pad, n]));
      };
      if (wortel) nietTekst(wortel, []);
      if (veelCijfers || onmogelijk) { // zoals jobcoach/lezer.py: Python leest zo'n waarde niet; de eerste (in de breedte) noemen
        const rij = [[wortel, []]];
        while (rij.length) {
          const [k, pad] = rij.shift();
          if (veelCijfers && k.cijfers > R.grenzen.max_cijfers) throw new CasusFout([probleem(bestand, padTekst(pad), '', vul(M.veel_cijfers, { cijfers: k.cijfers }), k.regel)]);
          if (k.waarde instanceof Datum && !geldigeDatum(k.waarde.iso)) throw new CasusFout([probleem(bestand, padTekst(pad), '', vul(M.datum_bestaat_niet, { waarde: k.waarde.iso }), k.regel)]);
          if (k.paren) rij.push(...k.paren.map((x) => [x.waarde, [...pad, x.naam]]));
          if (k.items) rij.push(...k.items.map((x, n) => [x, [...pad, n]]));
        }
      }
      problemen.sort((a, b) => a.regel - b.regel);
      function regel(pad) {
        let k = wortel, beste = k && k.regel;
        for (const d of pad) {
          const p = k.paren && typeof d === 'string' ? k.paren.find((x) => x.naam === d) : null;
          const volgende = p ? p.waarde : k.items && typeof d === 'number' ? k.items[d] : null;
          if (!volgende) break;
          beste = p ? p.regel : volgende.regel;
          k = volgende;
        }
        return beste;
      }
      return { bestand, gegevens: wortel ? wortel.waarde : null, regel, problemen };
    }

    const laadYaml = (tekst, bestand) => valideer(leesYaml(tekst, bestand));
    /** De tekst van een bestand zoals jobcoach/lezer.py hem leest: hoogstens 1 MB, UTF-8 (een BOM vooraan mag). */
    function tekstUitBytes(b, bestand) {
      const fout = (melding, regel = null) => new CasusFout([probleem(bestand, '', '', melding, regel)]);
      if (b.length > MAX_BYTES) throw fout(vul(M.te_groot_bestand, { mb: MAX_BYTES / 1e6 }));
      if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) throw fout(M.utf16, 1);
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(b).replace(/^\ufeff/, '');
      } catch (e) { // de regel van het eerste teken dat geen UTF-8 is
        let goed = 0;
        for (let lo = 0, hi = b.length; lo < hi;) {
          const m = (lo + hi + 1) >> 1;
          try { new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, m), { stream: true }); goed = m; lo = m; } catch (f) { hi = m - 1; }
        }
        const regel = b.subarray(0, goed).reduce((n, x) => n + (x === 10), 1);
        throw fout(M.geen_utf8, regel);
      }
    }

    const bt = (b) => `${b.n}/${b.d}`;
    /** De uitkomst in dezelfde vorm als de Python-kant van de pariteitstest (breuken als 'teller/noemer'). */
    const vergelijking = (u) => ({
      weken: bt(u.weken), contracturen: bt(u.contracturen), begeleidingsuren: bt(u.begeleidingsuren), uren_per_week: bt(u.uren_per_week), percentage: bt(u.percentage),
      uren_per_doel: Object.fromEntries([...u.uren_per_doel].map(([d, w]) => [String(d), bt(w)])),
      kader: u.kader.id, protocol: u.protocol ? u.protocol.id : null, weken_per_maand: bt(u.weken_per_maand),
      rijen: u.rijen.map((r) => ({ nummer: r.nummer, telt_mee: r.telt_mee, uren_per_week: bt(r.uren_per_week), keren: bt(r.keren), totaal: bt(r.totaal),
        fasen: r.fasen.map((d) => ({ begin: bt(d.begin), weken: bt(d.weken), intensiteit: d.intensiteit, uren: bt(d.uren), keren: bt(d.keren) })) })),
      perioden: u.perioden.map((p) => ({ nummer: p.nummer, jaar: p.jaar, van: bt(p.van), tot: bt(p.tot), contracturen: bt(p.contracturen),
        uren_per_doel: Object.fromEntries([...p.uren_per_doel].map(([d, w]) => [String(d), bt(w)])), percentage: bt(p.percentage) })),
      teksten: { weken: getal(u.weken), contracturen: uren(u.contracturen), begeleidingsuren: uren(u.begeleidingsuren), uren_per_week: uren(u.uren_per_week), percentage: procentAfgekapt(u.percentage) },
      bevindingen: u.bevindingen.map((b) => ({ code: b.code, veld: b.veld, tekst: b.tekst, kader: b.kader })),
    });

    return {
      R, T, vul, B, NUL, EEN, HONDERD, plus, maal, deel: deel_, vergelijk, breuk, getal, uren, procent, procentAfgekapt, nlDatum,
      PROTOCOLLEN, KADERS, DOELEN, WPM, MODELLEN, specOp, kaderEnProtocol, bereken, controleer,
      Kommagetal, Datum, geldigeDatum, probleem, probleemTekst, CasusFout, gevonden, padTekst, valideer, laadObject, vergelijking,
      leesYaml, laadYaml, tekstUitBytes,
    };
  }

  return { maak };
}));
