// The default partnership terms the demo starts with, in every interface language: what the platform does
// for a campaign and what the requesting union does in return (../shared/guide/product.md, step 1). Admins
// replace them at /editor/terms; each save is a new version.

export const defaultTerms: Record<string, string> = {
  en: `**What we will do**

- Publish the campaign on this site once our editors have approved it, and keep its page online after it closes, with the outcome.
- Have it translated by our volunteer translators into as many languages as we can.
- Send it to our supporters' lists, in every language it is translated into.
- Deliver the messages to the targets you named, paced so that their mail servers do not block them, and tell you when an address stops working.
- Give you a live report of who signed (name, union, country) and a copy of the messages, for your campaign work only.

**What your union will do**

- Make sure the facts are accurate and the target addresses are correct and tested.
- Promote the campaign to your own members and networks.
- Send us updates when anything changes, so we can tell the supporters.
- Tell us the outcome when the campaign ends, and agree with us when to close it.
- Use the supporters' details only for this campaign, and never pass them on.

Either side may end the partnership by writing to the other; the campaign is then closed.`,

  tl: `**Ang gagawin namin**

- Ilalathala ang kampanya sa site na ito kapag naaprubahan na ito ng aming mga editor, at pananatilihing online ang pahina nito pagkatapos itong isara, kasama ang kinalabasan.
- Ipasasalin ito sa aming mga boluntaryong tagasalin sa pinakamaraming wikang kaya namin.
- Ipadadala ito sa mga listahan ng aming mga tagasuporta, sa bawat wikang pinagsalinan nito.
- Ihahatid ang mga mensahe sa mga target na pinangalanan ninyo, nang unti-unti upang hindi ito harangin ng kanilang mga mail server, at sasabihan kayo kapag hindi na gumagana ang isang address.
- Bibigyan kayo ng napapanahong ulat ng mga lumagda (pangalan, unyon, bansa) at kopya ng mga mensahe, para lamang sa inyong gawaing pangkampanya.

**Ang gagawin ng inyong unyon**

- Titiyakin na tumpak ang mga impormasyon at tama at nasubukan ang mga address ng target.
- Ipalalaganap ang kampanya sa sarili ninyong mga kasapi at network.
- Magpapadala sa amin ng balita kapag may nagbago, upang maipaalam namin sa mga tagasuporta.
- Sasabihin sa amin ang kinalabasan kapag natapos ang kampanya, at makikipagkasundo sa amin kung kailan ito isasara.
- Gagamitin lamang ang mga detalye ng mga tagasuporta para sa kampanyang ito, at hinding-hindi ipapasa sa iba.

Maaaring tapusin ng alinmang panig ang pakikipagtulungan sa pamamagitan ng pagsulat sa kabila; isasara ang kampanya pagkatapos nito.`,

  ar: `**ما سنقوم به**

- نشر الحملة على هذا الموقع بعد أن يقبلها محرّرونا، وإبقاء صفحتها متاحة بعد إغلاقها مع نتيجتها.
- ترجمتها بواسطة مترجمينا المتطوّعين إلى أكبر عدد ممكن من اللغات.
- إرسالها إلى قوائم مؤيدينا، بكل لغة تُرجمت إليها.
- إيصال الرسائل إلى الجهات المستهدفة التي حدّدتموها، بوتيرة لا تجعل خوادم بريدها تحجبها، وإبلاغكم عندما يتوقف عنوان عن العمل.
- تزويدكم بتقرير مباشر عن الموقّعين (الاسم والنقابة والبلد) وبنسخة من الرسائل، لاستخدامها في عملكم على الحملة فقط.

**ما ستقوم به نقابتكم**

- التأكد من دقة الوقائع ومن صحة عناوين الجهات المستهدفة وتجربتها.
- الترويج للحملة بين أعضائكم وشبكاتكم.
- موافاتنا بالمستجدات عند حدوث أي تغيير، لنُطلع المؤيدين عليها.
- إبلاغنا بالنتيجة عند انتهاء الحملة، والاتفاق معنا على موعد إغلاقها.
- استخدام بيانات المؤيدين لهذه الحملة فقط، وعدم تسليمها لأي طرف آخر أبدًا.

يجوز لأي من الطرفين إنهاء الشراكة بإخطار الطرف الآخر كتابةً، وتُغلق الحملة عندئذٍ.`,
};
