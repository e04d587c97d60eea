import type {Language} from '../types.ts';

/**
 * What the confirmation mails and pages say, in the widgets' six
 * languages (the statement's `language`). Plain text: the mails carry no
 * HTML, the pages escape every value (pages.ts).
 */

export type MailKind = 'confirm' | 'already-signed';

interface Texts {
  confirmSubject: (title: string) => string;
  confirmBody: (v: {name: string; title: string; confirm: string; withdraw: string; days: number}) => string;
  alreadySubject: (title: string) => string;
  alreadyBody: (v: {title: string; withdraw: string}) => string;
  inviteSubject: (title: string) => string;
  inviteBody: (v: {title: string; link: string}) => string;
  confirmHeading: string;
  confirmAsk: (title: string) => string;
  confirmButton: string;
  confirmed: string;
  confirmedPending: string;
  alreadyConfirmed: string;
  expired: string;
  invalid: string;
  withdrawHeading: string;
  withdrawAsk: (title: string) => string;
  withdrawButton: string;
  withdrawnDone: string;
  alreadyWithdrawn: string;
  back: string;
}

const en: Texts = {
  inviteSubject: (t) => `You are invited to sign: ${t}`,
  inviteBody: (v) => `Hello,

you are invited to sign "${v.title}". This link lets one signature through: open it to read the statement and sign.

${v.link}

If you do not wish to sign, ignore this message.
`,
  confirmSubject: (t) => `Confirm your signature: ${t}`,
  confirmBody: (v) => `Hello ${v.name},

you signed "${v.title}". To confirm your signature, open this link and press the button on the page:

${v.confirm}

The link works for ${v.days} days. Until you confirm, your signature is neither counted nor shown.
If you did not sign, ignore this message: nothing will be published.

To withdraw your signature at any time:
${v.withdraw}
`,
  alreadySubject: (t) => `You have already signed: ${t}`,
  alreadyBody: (v) => `Hello,

someone, probably you, signed "${v.title}" again with this address. You have already signed, so nothing has changed.

To withdraw your signature:
${v.withdraw}

If this was not you, you can ignore this message.
`,
  confirmHeading: 'Confirm your signature',
  confirmAsk: (t) => `Press the button to confirm your signature on "${t}".`,
  confirmButton: 'Confirm my signature',
  confirmed: 'Thank you: your signature is confirmed.',
  confirmedPending: 'Thank you: your signature is confirmed. It will be shown once the publisher has approved it.',
  alreadyConfirmed: 'Your signature is already confirmed.',
  expired: 'This link has expired. Sign again to receive a new one.',
  invalid: 'This link is not valid.',
  withdrawHeading: 'Withdraw your signature',
  withdrawAsk: (t) => `Press the button to withdraw your signature from "${t}". Your name leaves the list and your e-mail address is erased.`,
  withdrawButton: 'Withdraw my signature',
  withdrawnDone: 'Your signature has been withdrawn and your e-mail address erased.',
  alreadyWithdrawn: 'This signature has already been withdrawn.',
  back: 'Back to the statement',
};

const de: Texts = {
  inviteSubject: (t) => `Sie sind eingeladen zu unterschreiben: ${t}`,
  inviteBody: (v) => `Hallo,

Sie sind eingeladen, „${v.title}“ zu unterschreiben. Dieser Link lässt eine Unterschrift zu: Öffnen Sie ihn, um den Aufruf zu lesen und zu unterschreiben.

${v.link}

Wenn Sie nicht unterschreiben möchten, ignorieren Sie diese Nachricht.
`,
  confirmSubject: (t) => `Bitte bestätigen Sie Ihre Unterschrift: ${t}`,
  confirmBody: (v) => `Hallo ${v.name},

Sie haben „${v.title}“ unterschrieben. Um Ihre Unterschrift zu bestätigen, öffnen Sie diesen Link und drücken Sie den Knopf auf der Seite:

${v.confirm}

Der Link gilt ${v.days} Tage. Bis Sie bestätigen, wird Ihre Unterschrift weder gezählt noch gezeigt.
Wenn Sie nicht unterschrieben haben, ignorieren Sie diese Nachricht: Es wird nichts veröffentlicht.

Ihre Unterschrift jederzeit zurückziehen:
${v.withdraw}
`,
  alreadySubject: (t) => `Sie haben bereits unterschrieben: ${t}`,
  alreadyBody: (v) => `Hallo,

jemand, wahrscheinlich Sie, hat „${v.title}“ noch einmal mit dieser Adresse unterschrieben. Sie haben bereits unterschrieben; es hat sich nichts geändert.

Ihre Unterschrift zurückziehen:
${v.withdraw}

Wenn Sie das nicht waren, können Sie diese Nachricht ignorieren.
`,
  confirmHeading: 'Unterschrift bestätigen',
  confirmAsk: (t) => `Drücken Sie den Knopf, um Ihre Unterschrift unter „${t}“ zu bestätigen.`,
  confirmButton: 'Unterschrift bestätigen',
  confirmed: 'Danke: Ihre Unterschrift ist bestätigt.',
  confirmedPending: 'Danke: Ihre Unterschrift ist bestätigt. Sie erscheint, sobald die Herausgeber sie freigegeben haben.',
  alreadyConfirmed: 'Ihre Unterschrift ist bereits bestätigt.',
  expired: 'Dieser Link ist abgelaufen. Unterschreiben Sie noch einmal, um einen neuen zu erhalten.',
  invalid: 'Dieser Link ist ungültig.',
  withdrawHeading: 'Unterschrift zurückziehen',
  withdrawAsk: (t) => `Drücken Sie den Knopf, um Ihre Unterschrift unter „${t}“ zurückzuziehen. Ihr Name verschwindet aus der Liste, Ihre E-Mail-Adresse wird gelöscht.`,
  withdrawButton: 'Unterschrift zurückziehen',
  withdrawnDone: 'Ihre Unterschrift ist zurückgezogen und Ihre E-Mail-Adresse gelöscht.',
  alreadyWithdrawn: 'Diese Unterschrift wurde bereits zurückgezogen.',
  back: 'Zurück zum Aufruf',
};

const es: Texts = {
  inviteSubject: (t) => `Te invitan a firmar: ${t}`,
  inviteBody: (v) => `Hola:

te invitan a firmar «${v.title}». Este enlace admite una firma: ábrelo para leer la declaración y firmar.

${v.link}

Si no quieres firmar, ignora este mensaje.
`,
  confirmSubject: (t) => `Confirma tu firma: ${t}`,
  confirmBody: (v) => `Hola, ${v.name}:

has firmado «${v.title}». Para confirmar tu firma, abre este enlace y pulsa el botón de la página:

${v.confirm}

El enlace vale durante ${v.days} días. Hasta que confirmes, tu firma no se cuenta ni se muestra.
Si no has firmado, ignora este mensaje: no se publicará nada.

Para retirar tu firma en cualquier momento:
${v.withdraw}
`,
  alreadySubject: (t) => `Ya has firmado: ${t}`,
  alreadyBody: (v) => `Hola:

alguien, probablemente tú, ha vuelto a firmar «${v.title}» con esta dirección. Ya habías firmado, así que nada ha cambiado.

Para retirar tu firma:
${v.withdraw}

Si no has sido tú, puedes ignorar este mensaje.
`,
  confirmHeading: 'Confirma tu firma',
  confirmAsk: (t) => `Pulsa el botón para confirmar tu firma en «${t}».`,
  confirmButton: 'Confirmar mi firma',
  confirmed: 'Gracias: tu firma está confirmada.',
  confirmedPending: 'Gracias: tu firma está confirmada. Se mostrará cuando los responsables la aprueben.',
  alreadyConfirmed: 'Tu firma ya está confirmada.',
  expired: 'Este enlace ha caducado. Vuelve a firmar para recibir uno nuevo.',
  invalid: 'Este enlace no es válido.',
  withdrawHeading: 'Retira tu firma',
  withdrawAsk: (t) => `Pulsa el botón para retirar tu firma de «${t}». Tu nombre sale de la lista y se borra tu dirección de correo.`,
  withdrawButton: 'Retirar mi firma',
  withdrawnDone: 'Tu firma se ha retirado y tu dirección de correo se ha borrado.',
  alreadyWithdrawn: 'Esta firma ya se había retirado.',
  back: 'Volver a la declaración',
};

const fr: Texts = {
  inviteSubject: (t) => `Vous êtes invité·e à signer : ${t}`,
  inviteBody: (v) => `Bonjour,

vous êtes invité·e à signer « ${v.title} ». Ce lien permet une signature : ouvrez-le pour lire le texte et signer.

${v.link}

Si vous ne souhaitez pas signer, ignorez ce message.
`,
  confirmSubject: (t) => `Confirmez votre signature : ${t}`,
  confirmBody: (v) => `Bonjour ${v.name},

vous avez signé « ${v.title} ». Pour confirmer votre signature, ouvrez ce lien et appuyez sur le bouton de la page :

${v.confirm}

Le lien est valable ${v.days} jours. Tant que vous n’avez pas confirmé, votre signature n’est ni comptée ni affichée.
Si vous n’avez pas signé, ignorez ce message : rien ne sera publié.

Pour retirer votre signature à tout moment :
${v.withdraw}
`,
  alreadySubject: (t) => `Vous avez déjà signé : ${t}`,
  alreadyBody: (v) => `Bonjour,

quelqu’un, sans doute vous, a de nouveau signé « ${v.title} » avec cette adresse. Vous aviez déjà signé : rien n’a changé.

Pour retirer votre signature :
${v.withdraw}

Si ce n’était pas vous, vous pouvez ignorer ce message.
`,
  confirmHeading: 'Confirmez votre signature',
  confirmAsk: (t) => `Appuyez sur le bouton pour confirmer votre signature de « ${t} ».`,
  confirmButton: 'Confirmer ma signature',
  confirmed: 'Merci : votre signature est confirmée.',
  confirmedPending: 'Merci : votre signature est confirmée. Elle apparaîtra dès que les éditeurs l’auront approuvée.',
  alreadyConfirmed: 'Votre signature est déjà confirmée.',
  expired: 'Ce lien a expiré. Signez à nouveau pour en recevoir un nouveau.',
  invalid: 'Ce lien n’est pas valide.',
  withdrawHeading: 'Retirer votre signature',
  withdrawAsk: (t) => `Appuyez sur le bouton pour retirer votre signature de « ${t} ». Votre nom quitte la liste et votre adresse e-mail est effacée.`,
  withdrawButton: 'Retirer ma signature',
  withdrawnDone: 'Votre signature a été retirée et votre adresse e-mail effacée.',
  alreadyWithdrawn: 'Cette signature a déjà été retirée.',
  back: 'Retour au texte',
};

const pt: Texts = {
  inviteSubject: (t) => `Você foi convidado a assinar: ${t}`,
  inviteBody: (v) => `Olá:

você foi convidado a assinar "${v.title}". Este link permite uma assinatura: abra-o para ler o texto e assinar.

${v.link}

Se não quiser assinar, ignore esta mensagem.
`,
  confirmSubject: (t) => `Confirme a sua assinatura: ${t}`,
  confirmBody: (v) => `Olá, ${v.name}:

você assinou "${v.title}". Para confirmar a assinatura, abra este link e toque no botão da página:

${v.confirm}

O link vale por ${v.days} dias. Até você confirmar, a assinatura não é contada nem exibida.
Se você não assinou, ignore esta mensagem: nada será publicado.

Para retirar a sua assinatura a qualquer momento:
${v.withdraw}
`,
  alreadySubject: (t) => `Você já assinou: ${t}`,
  alreadyBody: (v) => `Olá:

alguém, provavelmente você, assinou "${v.title}" de novo com este endereço. Você já tinha assinado, então nada mudou.

Para retirar a sua assinatura:
${v.withdraw}

Se não foi você, pode ignorar esta mensagem.
`,
  confirmHeading: 'Confirme a sua assinatura',
  confirmAsk: (t) => `Toque no botão para confirmar a sua assinatura em "${t}".`,
  confirmButton: 'Confirmar minha assinatura',
  confirmed: 'Obrigado: a sua assinatura está confirmada.',
  confirmedPending: 'Obrigado: a sua assinatura está confirmada. Ela aparecerá quando os responsáveis a aprovarem.',
  alreadyConfirmed: 'A sua assinatura já está confirmada.',
  expired: 'Este link expirou. Assine de novo para receber outro.',
  invalid: 'Este link não é válido.',
  withdrawHeading: 'Retirar a sua assinatura',
  withdrawAsk: (t) => `Toque no botão para retirar a sua assinatura de "${t}". O seu nome sai da lista e o seu endereço de e-mail é apagado.`,
  withdrawButton: 'Retirar minha assinatura',
  withdrawnDone: 'A sua assinatura foi retirada e o seu endereço de e-mail apagado.',
  alreadyWithdrawn: 'Esta assinatura já tinha sido retirada.',
  back: 'Voltar ao texto',
};

const ar: Texts = {
  inviteSubject: (t) => `أنت مدعوّ إلى التوقيع: ${t}`,
  inviteBody: (v) => `مرحبًا،

أنت مدعوّ إلى التوقيع على «${v.title}». يتيح هذا الرابط توقيعًا واحدًا: افتحه لتقرأ البيان وتوقّع.

${v.link}

إن لم ترغب في التوقيع فتجاهل هذه الرسالة.
`,
  confirmSubject: (t) => `أكِّد توقيعك: ${t}`,
  confirmBody: (v) => `مرحبًا ${v.name}،

لقد وقّعت على «${v.title}». لتأكيد توقيعك افتح هذا الرابط واضغط الزر في الصفحة:

${v.confirm}

يعمل الرابط مدة ${v.days} أيام. لن يُحتسب توقيعك ولن يُعرض حتى تؤكّده.
إن لم تكن أنت من وقّع فتجاهل هذه الرسالة: لن يُنشر شيء.

لسحب توقيعك في أي وقت:
${v.withdraw}
`,
  alreadySubject: (t) => `لقد وقّعت من قبل: ${t}`,
  alreadyBody: (v) => `مرحبًا،

وقّع أحدهم، وغالبًا أنت، على «${v.title}» مرة أخرى بهذا العنوان. توقيعك موجود من قبل، فلم يتغيّر شيء.

لسحب توقيعك:
${v.withdraw}

إن لم تكن أنت فيمكنك تجاهل هذه الرسالة.
`,
  confirmHeading: 'تأكيد التوقيع',
  confirmAsk: (t) => `اضغط الزر لتأكيد توقيعك على «${t}».`,
  confirmButton: 'أكِّد توقيعي',
  confirmed: 'شكرًا لك: تأكّد توقيعك.',
  confirmedPending: 'شكرًا لك: تأكّد توقيعك. سيظهر بعد أن يوافق عليه الناشر.',
  alreadyConfirmed: 'توقيعك مؤكَّد من قبل.',
  expired: 'انتهت صلاحية هذا الرابط. وقّع مرة أخرى لتصلك رسالة جديدة.',
  invalid: 'هذا الرابط غير صالح.',
  withdrawHeading: 'سحب التوقيع',
  withdrawAsk: (t) => `اضغط الزر لسحب توقيعك من «${t}». سيُحذف اسمك من القائمة ويُمحى عنوان بريدك الإلكتروني.`,
  withdrawButton: 'اسحب توقيعي',
  withdrawnDone: 'سُحب توقيعك ومُحي عنوان بريدك الإلكتروني.',
  alreadyWithdrawn: 'سُحب هذا التوقيع من قبل.',
  back: 'العودة إلى البيان',
};

export const TEXTS: Record<Language, Texts> = {en, de, es, fr, pt, ar};

/**
 * One line for a header: control characters (CR, LF and the rest, C1,
 * line and paragraph separators) become spaces, so no value put into a
 * subject can start a header of its own; long values are cut.
 */
export function headerText(s: string, max = 200): string {
  const line = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}

export interface ComposedMail {
  subject: string;
  body: string;
}

/** An invitation for an address: the statement's page with `?invite=TOKEN`. */
export function composeInvitation(language: Language, v: {title: string; link: string}): ComposedMail {
  const t = TEXTS[language];
  const title = headerText(v.title, 150);
  return {subject: headerText(t.inviteSubject(title)), body: t.inviteBody({title, link: v.link})};
}

export function composeMail(kind: MailKind, language: Language, v: {
  name: string; title: string; confirm: string | null; withdraw: string; days: number;
}): ComposedMail {
  const t = TEXTS[language];
  const title = headerText(v.title, 150);
  const name = headerText(v.name);
  if (kind === 'confirm') {
    return {subject: headerText(t.confirmSubject(title)), body: t.confirmBody({...v, name, title, confirm: v.confirm ?? ''})};
  }
  return {subject: headerText(t.alreadySubject(title)), body: t.alreadyBody({title, withdraw: v.withdraw})};
}
