// Regenerates catalogs/paises.json: the 249 ISO 3166-1 alpha-2 codes with their Spanish
// names from CLDR (through Node's full ICU), sorted with Spanish collation.
// Run once by hand (`node scripts/generar-paises.mjs`); the JSON is committed.
import { writeFileSync } from 'node:fs';

const CODIGOS = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ
VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/);

if (CODIGOS.length !== 249) throw new Error(`se esperaban 249 códigos, hay ${CODIGOS.length}`);
const nombres = new Intl.DisplayNames(['es'], { type: 'region', fallback: 'none' });
const collator = new Intl.Collator('es');
const paises = CODIGOS.map((codigo) => {
  const nombre = nombres.of(codigo);
  if (!nombre) throw new Error(`sin nombre en español para ${codigo}`);
  return { codigo, nombre };
}).sort((a, b) => collator.compare(a.nombre, b.nombre));

writeFileSync(
  new URL('../catalogs/paises.json', import.meta.url),
  JSON.stringify({ fuente: 'ISO 3166-1 alfa-2 (249 códigos); nombres en español de CLDR vía Intl.DisplayNames; orden con Intl.Collator("es")', paises }, null, 1) + '\n',
);
console.log(`${paises.length} países`);
