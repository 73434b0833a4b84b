/*! Word-bestand van de rekenhulp van Leidraad Jobcoach online. Licentie: EUPL-1.2. Leesbare bron: docs/javascripts/rekenhulp-word.js */
/*
 * Het coachingsplan met urenonderbouwing als Word-bestand (.docx), helemaal in de browser gemaakt. rekenhulp.js
 * laadt dit script pas bij de eerste klik op 'Word-bestand maken' (zoals js-yaml bij 'Casus openen'): zo laadt de
 * pagina minder script. rekenhulp.js geeft zijn regels, teksten en tabellen mee; dit script kent geen eigen regel.
 */
(function () {
  'use strict';

  /** Maak de schrijver met wat rekenhulp.js meegeeft (regels, teksten, opmaak en de tabellen van de uitkomst). */
  function maak(h) {
    const { R, T, RT, vul, tt, uren, getal, DOELEN, vandaag, duurTekst, wekenTekst, historieTabel, toontHistorie } = h;
    // Word (.docx): een zip zonder compressie met vijf XML-bestanden, helemaal in de browser gemaakt.
    const CRC = Array.from({ length: 256 }, (_, n) => { for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1; return n >>> 0; });
    const crc32 = (b) => { let c = -1; for (const x of b) c = CRC[(c ^ x) & 255] ^ (c >>> 8); return (c ^ -1) >>> 0; };
    function zip(bestanden) {
      const enc = new TextEncoder(), delen = [], centraal = [];
      let plek = 0;
      const kop = (velden) => { const b = new DataView(new ArrayBuffer(velden.reduce((s, [, n]) => s + n, 0))); let i = 0; for (const [w, n] of velden) { if (n === 2) b.setUint16(i, w, true); else b.setUint32(i, w, true); i += n; } return new Uint8Array(b.buffer); };
      for (const [naam, tekst] of bestanden) {
        const n = enc.encode(naam), d = enc.encode(tekst), crc = crc32(d);
        const gemeen = [[20, 2], [0x800, 2], [0, 2], [0, 2], [0x21, 2], [crc, 4], [d.length, 4], [d.length, 4], [n.length, 2], [0, 2]];
        delen.push(kop([[0x04034b50, 4], ...gemeen]), n, d);
        centraal.push(kop([[0x02014b50, 4], [20, 2], ...gemeen, [0, 2], [0, 2], [0, 2], [0, 4], [plek, 4]]), n);
        plek += 30 + n.length + d.length;
      }
      const grootte = centraal.reduce((s, x) => s + x.length, 0);
      return new Blob([...delen, ...centraal, kop([[0x06054b50, 4], [0, 2], [0, 2], [bestanden.length, 2], [bestanden.length, 2], [grootte, 4], [plek, 4], [0, 2]])],
        { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    }
    // Tekst in XML: wat XML 1.0 verbiedt (stuurtekens, losse surrogaten, U+FFFE/U+FFFF) gaat eruit, dan de escapes.
    // Het formulier weigert zulke tekens al; dit is de tweede grendel, ook voor tekst uit een geopend bestand.
    const NIET_IN_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
    const x = (s) => String(s).replace(NIET_IN_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const wr = (tekst, rpr = '') => `<w:r>${rpr ? '<w:rPr>' + rpr + '</w:rPr>' : ''}<w:t xml:space="preserve">${x(tekst)}</w:t></w:r>`;
    const wp = (tekst, stijl, extra = '', rpr = '') => '<w:p><w:pPr>' + (stijl ? '<w:pStyle w:val="' + stijl + '"/>' : '') + extra
      + '</w:pPr>' + wr(tekst, rpr) + '</w:p>';
    // Een veld (PAGE, NUMPAGES) dat Word en LibreOffice bij het tonen invullen, zoals in de Word-sjablonen.
    const wveld = (code) => `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r>`
      + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

    // Kolombreedtes naar de inhoud: elke kolom minstens zo breed als haar langste woord (zodat geen woord midden in
    // breekt), de rest van de bladspiegel naar de kolommen met de meeste tekst. De breedte van een teken is geschat
    // voor DejaVu Sans, breder dan Arial en Liberation Sans: past het daarin, dan past het ook bij die letters.
    const BLAD = 9638; // 17 cm in twips (A4 min 2 × 2 cm marge)
    const CELMARGE = 2 * 100 + 60;
    const teken = (c) => (/[mwMW@%]/.test(c) ? 0.9 : /[A-Z]/.test(c) ? 0.72 : /[ijlIft.,;:!'|() ]/.test(c) ? 0.34 : 0.63);
    const breedte = (s, pt, vet) => [...String(s)].reduce((t, c) => t + teken(c), 0) * pt * 20 * (vet ? 1.1 : 1);
    const woorden = (c) => (Array.isArray(c) ? c.join(' ') : String(c)).split(/[\s/-]+/);
    function kolommen(koppen, rijen, pt) {
      const alle = [koppen, ...rijen];
      const min = koppen.map((_, k) => CELMARGE + Math.max(...alle.map((r, i) => Math.max(0, ...woorden(r[k] ?? '').map((w) => breedte(w, pt, i === 0))))));
      const wens = koppen.map((_, k) => CELMARGE + Math.max(...alle.map((r, i) => breedte(Array.isArray(r[k]) ? r[k].join(' ') : r[k] ?? '', pt, i === 0))));
      const vrij = BLAD - min.reduce((a, b) => a + b, 0);
      if (vrij < 0) return null; // past niet: de aanroeper kiest een kleinere letter
      const extra = wens.map((w, k) => Math.max(0, w - min[k])), som = extra.reduce((a, b) => a + b, 0);
      const uit = min.map((m, k) => Math.floor(m + (som ? (vrij * extra[k]) / som : vrij / koppen.length)));
      uit[uit.length - 1] += BLAD - uit.reduce((a, b) => a + b, 0);
      return uit;
    }
    /** Een tabel in de huisstijl van de Word-sjablonen: kopregel (herhaald, gearceerd), randen, bijschrift voor schermlezers. */
    function wordTabel(bijschrift, koppen, rijen, opties = {}) {
      let pt = 9, breed = kolommen(koppen, rijen, pt);
      while (!breed && pt > 7) breed = kolommen(koppen, rijen, --pt);
      breed = breed || koppen.map(() => Math.floor(BLAD / koppen.length));
      const sz = `<w:sz w:val="${pt * 2}"/>`;
      const tc = (c, k, kop, vet) => `<w:tc><w:tcPr><w:tcW w:w="${breed[k]}" w:type="dxa"/>${kop ? '<w:shd w:val="clear" w:color="auto" w:fill="E8EAF6"/>' : ''}</w:tcPr>`
        + (Array.isArray(c) ? c : [c ?? '']).map((s) => wp(Array.isArray(c) ? '• ' + s : s, null, (opties.rechts || []).includes(k) && !kop ? '<w:jc w:val="right"/>' : '', (kop || vet ? '<w:b/>' : '') + sz)).join('') + '</w:tc>';
      const rij = (r, kop, i) => `<w:tr><w:trPr><w:cantSplit/>${kop ? '<w:tblHeader/>' : ''}${opties.hoogte && !kop ? '<w:trHeight w:val="' + opties.hoogte + '" w:hRule="atLeast"/>' : ''}</w:trPr>`
        + r.map((c, k) => tc(c, k, kop, (opties.vet || []).includes(i))).join('') + '</w:tr>';
      const rand = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((k) => `<w:${k} w:val="single" w:sz="4" w:color="8C8C8C"/>`).join('');
      const marge = [['top', 45], ['left', 100], ['bottom', 45], ['right', 100]].map(([k, w]) => `<w:${k} w:w="${w}" w:type="dxa"/>`).join('');
      return `<w:tbl><w:tblPr><w:tblW w:w="${BLAD}" w:type="dxa"/><w:tblBorders>${rand}</w:tblBorders><w:tblLayout w:type="fixed"/>`
        + `<w:tblCellMar>${marge}</w:tblCellMar><w:tblCaption w:val="${x(bijschrift)}"/><w:tblDescription w:val="${x(bijschrift)}"/></w:tblPr>`
        + '<w:tblGrid>' + breed.map((w) => '<w:gridCol w:w="' + w + '"/>').join('') + '</w:tblGrid>'
        + rij(koppen, true, -1) + rijen.map((r, i) => rij(r, false, i)).join('') + '</w:tbl>' + wp('', null);
    }

    /** Het coachingsplan met urenonderbouwing, ingevuld met de berekening en de gegevens voor het plan. */
    function coachingsplan(u, plan = {}, historie = false) {
      const P = T.plan, c = u.casus, leegOf = (w) => (w && String(w).trim()) || '';
      // Uren per doel (rijen) en per periode van zes maanden (kolommen), met het totaal.
      const pp = u.perioden, urenKoppen = [P.uren_koppen[0], ...pp.map((p) => tt('per_periode', 'periode', { periode: String(p.nummer), jaar: String(p.jaar) })), P.uren_koppen[1]];
      const doelen = DOELEN.map((d) => [`${d}. ${R.coachingsdoelen[d]}`, ...pp.map((p) => uren(p.uren_per_doel.get(d))), uren(u.uren_per_doel.get(d))]);
      const activiteiten = u.rijen.filter((r) => r.telt_mee).map((r) => [r.rij.knelpunt, String(r.rij.doel), r.rij.fasen ? '' : uren(r.rij.uren),
        r.rij.fasen ? duurTekst(r.rij) : T.intensiteit[r.rij.intensiteit], getal(r.keren), uren(r.totaal)])
        .concat(u.extra.map((e) => [e.herkomst ? tt('per_rij', 'herkomst', { omschrijving: e.omschrijving, herkomst: e.herkomst }) : e.omschrijving,
          String(e.doel), '', tt('schema', 'vast_aantal'), '1', uren(e.uren)]));
      const motiveringen = u.rijen.filter((r) => r.rij.motivering.length);
      const body = [
        wp(P.titel, 'Kop1'),
        wp(vul(P.inleiding, { datum: vandaag(), titel: c.titel }), null, '', '<w:i/>'),
        wp(P.gegevens, 'Kop2'),
        wordTabel(P.gegevens, P.gegevens_koppen, [
          [P.referentie, leegOf(plan.referentie)], [P.werkgever, leegOf(plan.werkgever)], [P.jobcoach, leegOf(plan.jobcoach)],
          [P.arbeidsdeskundige, leegOf(plan.arbeidsdeskundige)], [P.periode_van, leegOf(plan.periode_van)], [P.periode_tot, leegOf(plan.periode_tot)],
          [RT.kader, c.verordening ? tt('samenvatting', 'kader_verordening', { kader: u.kader.naam, verordening: c.verordening }) : u.kader.naam],
          [RT.periode, tt('samenvatting', u.verlenging ? 'periode_verlenging' : 'periode_eerste', { periode: String(c.periode) })],
          [P.contract, tt('samenvatting', 'contract_waarde', { uren_per_week: getal(c.contract.uren_per_week), weken: wekenTekst(u) })],
        ], { hoogte: 397 }),
        wp(P.uren_kop, 'Kop2'),
        wordTabel(P.uren_kop, urenKoppen, [...doelen, [P.uren_totaal, ...pp.map((p) => uren(p.begeleidingsuren)), uren(u.begeleidingsuren)]],
          { rechts: urenKoppen.map((_, i) => i).slice(1), vet: [doelen.length] }),
        wp(tt('samenvatting', 'per_week_waarde', { uren: uren(u.uren_per_week) }).replace(/^/, P.uren_per_week + ': ')),
        wp(P.onderbouwing, 'Kop2'),
        wordTabel(P.onderbouwing, P.onderbouwing_koppen, [...activiteiten, [P.uren_totaal, '', '', '', '', uren(u.begeleidingsuren)]],
          { rechts: [1, 2, 4, 5], vet: [activiteiten.length] }),
        wp(P.motivering, 'Kop2'),
        ...(motiveringen.length ? motiveringen.flatMap((r) => [wp(r.rij.knelpunt, 'Kop3'), ...r.rij.motivering.map((m) => wp('• ' + m))])
          : [wp(P.geen_motivering), wp(''), wp('')]),
      ];
      if (u.bevindingen.length) body.push(wp(T.bevindingen.titel, 'Kop2'), ...u.bevindingen.map((b) => wp('• ' + b.tekst)));
      if (toontHistorie(u, historie)) {
        const s = historieTabel(u);
        body.push(wp(RT.historisch_kop, 'Kop2'), wp(RT.historisch), wordTabel(s.bijschrift, s.koppen, s.rijen));
      }
      body.push(wp(P.ondertekening, 'Kop2'), wordTabel(P.ondertekening, P.ondertekening_koppen, P.rollen.map((r) => [r, '', '', '']), { hoogte: 851 }));
      return body.join('');
    }

    function word(u, plan, historie) {
      const P = T.plan, a = R.uitgave || {};
      const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
      const kop = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
      const pak = 'http://schemas.openxmlformats.org/package/2006', rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
      const ct = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
      const letter = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/>';
      const stijl = (id, naam, rpr, ppr = '') => `<w:style w:type="paragraph"${id === 'Normal' ? ' w:default="1"' : ''} w:styleId="${id}"><w:name w:val="${naam}"/><w:pPr>${ppr}</w:pPr><w:rPr>${rpr}</w:rPr></w:style>`;
      const kopstijl = (n, pt) => stijl('Kop' + n, 'heading ' + n, `${letter}<w:b/><w:color w:val="3949AB"/><w:sz w:val="${pt * 2}"/>`,
        `<w:keepNext/><w:spacing w:before="${n === 1 ? 0 : 240}" w:after="80"/><w:outlineLvl w:val="${n - 1}"/>`);
      const klein = `${letter}<w:color w:val="595959"/><w:sz w:val="16"/>`;
      const titelTekst = vul(P.kop, { site: a.naam || '', titel: P.titel, editie: a.editie || '' });
      const voet = vul(P.voet, { site: a.naam || '', editie: a.editie || '' });
      return zip([
        ['[Content_Types].xml', kop + `<Types xmlns="${pak}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
          + `<Override PartName="/word/document.xml" ContentType="${ct}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${ct}.styles+xml"/>`
          + `<Override PartName="/word/header1.xml" ContentType="${ct}.header+xml"/><Override PartName="/word/footer1.xml" ContentType="${ct}.footer+xml"/>`
          + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'],
        ['_rels/.rels', kop + `<Relationships xmlns="${pak}/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="word/document.xml"/>`
          + `<Relationship Id="rId2" Type="${pak}/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`],
        ['docProps/core.xml', kop + `<cp:coreProperties xmlns:cp="${pak}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${x(P.titel)}</dc:title>`
          + `<dc:language>nl-NL</dc:language><dc:creator>${x(a.naam || '')}</dc:creator></cp:coreProperties>`],
        ['word/_rels/document.xml.rels', kop + `<Relationships xmlns="${pak}/relationships"><Relationship Id="rId1" Type="${rel}/styles" Target="styles.xml"/>`
          + `<Relationship Id="rId2" Type="${rel}/header" Target="header1.xml"/><Relationship Id="rId3" Type="${rel}/footer" Target="footer1.xml"/></Relationships>`],
        ['word/styles.xml', kop + `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr>${letter}<w:sz w:val="21"/><w:lang w:val="nl-NL" w:eastAsia="nl-NL"/></w:rPr></w:rPrDefault>`
          + '<w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults>'
          + stijl('Normal', 'Normal', '') + kopstijl(1, 18) + kopstijl(2, 14) + kopstijl(3, 11)
          + stijl('Koptekst', 'header', klein, '<w:jc w:val="right"/>') + stijl('Voettekst', 'footer', klein) + '</w:styles>'],
        ['word/header1.xml', kop + `<w:hdr ${W}>${wp(titelTekst, 'Koptekst')}</w:hdr>`],
        ['word/footer1.xml', kop + `<w:ftr ${W}><w:p><w:pPr><w:pStyle w:val="Voettekst"/></w:pPr>${wr(voet + P.pagina)}${wveld('PAGE')}${wr(P.van)}${wveld('NUMPAGES')}</w:p></w:ftr>`],
        ['word/document.xml', kop + `<w:document ${W}><w:body>${coachingsplan(u, plan, historie)}<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/>`
          + '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>'],
      ]);
    }

    return { word, xmlTekst: x };
  }

  window.RekenhulpWord = { maak };
}());
