// The demo's campaign translations in progress (translations.ts seeds them): a Spanish version made from
// the English as first seeded, an unfinished French draft made from the English after its edit, and the
// sentence that edit adds to the English background (and to the Tagalog, kept current).
import type { TranslatableTexts } from '../../domain/translation/translation.js';

/** The English sentence the background ends its first paragraph with; the edit adds one after it. */
export const backgroundAnchorEn = 'a further 7-year ban on any public activity.';
export const appealSentenceEn =
  ' His appeal was rejected by the regional court, and his union is taking the case to the ILO Committee on Freedom of Association.';

export const backgroundAnchorTl = 'pagsasagawa ng anumang aktibidad sa publiko.';
export const appealSentenceTl =
  ' Tinanggihan ng panrehiyong hukuman ang kanyang apela, at dadalhin ng kanyang unyon ang kaso sa ILO Committee on Freedom of Association.';

/** Translated from the English as seeded (source revision 1): after the edit it is stale. */
export const spanish: TranslatableTexts = {
  headline: 'Kazajistán: Erlan Baltabay, condenado a 7 años de prisión por su actividad sindical',
  backgroundMd: `La represión y las agresiones físicas violentas contra dirigentes y activistas de los sindicatos independientes de Kazajistán continúan sin tregua. El 17 de julio de 2019, Erlan Baltabay, dirigente del Sindicato Industrial de Trabajadores de Combustibles y Energía «Trabajo Decente», fue condenado a 7 años de prisión y a otros 7 años de prohibición de toda actividad pública.

El sindicato que dirigía fue disuelto por decisión judicial, en medio de una ofensiva más amplia contra la actividad sindical independiente. El proceso penal contra Erlan Baltabay se abrió el 25 de septiembre de 2018 en represalia por su activismo sindical y por su firme apoyo a otros dirigentes de la Confederación de Sindicatos Independientes de Kazajistán (KNPRK), condenados a diversas restricciones de su libertad.

Este proceso, al igual que los abiertos contra los dirigentes de la KNPRK Larisa Kharkova, Amin Eleusinov y Nurbek Kushakbaev, busca silenciar a los activistas sindicales independientes y disuadir a otras personas de participar activamente en la lucha por la libertad sindical en el país.

**¡Necesitamos tu apoyo!** Únete a nosotros para exigir a las autoridades kazajas que pongan fin a la persecución y a la violencia contra los dirigentes sindicales independientes, y que garanticen la libertad y la seguridad de los activistas sindicales en el país.`,
  defaultMessage: `Le escribo para exigir la liberación inmediata de Erlan Baltabay, dirigente del Sindicato Industrial de Trabajadores de Combustibles y Energía «Trabajo Decente», condenado el 17 de julio de 2019 a siete años de prisión por su actividad sindical.

Pido a las autoridades de Kazajistán que pongan fin a la persecución de los dirigentes y activistas sindicales independientes, y que garanticen la libertad sindical, tal como exige el Convenio 87 de la OIT, que Kazajistán ha ratificado.`,
  targetSubject: 'Libertad para Erlan Baltabay',
  targetSalutation: 'Señora, señor:',
};

/** Translated from the edited English, the background's last two paragraphs still to do. */
export const frenchDraft: TranslatableTexts = {
  headline: 'Kazakhstan : Erlan Baltabay condamné à 7 ans de prison pour son activité syndicale',
  backgroundMd: `La répression et les agressions physiques violentes contre les dirigeants et les militants des syndicats indépendants se poursuivent sans relâche au Kazakhstan. Le 17 juillet 2019, Erlan Baltabay, dirigeant du Syndicat industriel des travailleurs des combustibles et de l'énergie « Travail décent », a été condamné à 7 ans de prison et à une interdiction de toute activité publique pendant 7 années supplémentaires. Son appel a été rejeté par le tribunal régional, et son syndicat porte l'affaire devant le Comité de la liberté syndicale de l'OIT.

Le syndicat qu'il dirigeait a été dissous par décision de justice, dans le cadre d'une répression plus large de l'activité syndicale indépendante. Les poursuites pénales contre Erlan Baltabay ont été engagées le 25 septembre 2018 en représailles à son engagement syndical et à son soutien sans faille aux autres dirigeants de la Confédération des syndicats indépendants du Kazakhstan (KNPRK), condamnés à diverses restrictions de leur liberté.`,
  defaultMessage: `Je vous écris pour exiger la libération immédiate d'Erlan Baltabay, dirigeant du Syndicat industriel des travailleurs des combustibles et de l'énergie « Travail décent », condamné le 17 juillet 2019 à sept ans de prison pour son activité syndicale.

J'appelle les autorités du Kazakhstan à mettre fin à la persécution des dirigeants et des militants syndicaux indépendants, et à garantir la liberté syndicale, comme l'exige la convention n° 87 de l'OIT, que le Kazakhstan a ratifiée.`,
  targetSubject: 'Libérez Erlan Baltabay',
  targetSalutation: 'Madame, Monsieur,',
};
