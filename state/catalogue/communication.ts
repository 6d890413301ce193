// Step 7's message to users, drafted for the admin to copy and adapt. Plain text; the template's lines
// stay under 72 columns so that it survives e-mail clients and a copy from an 80-column terminal.

export interface CommunicationFacts {
  /** e.g. "Contoso IT"; who the message is from */
  organisation?: string;
  /** when the change happens for the reader, as the admin wants it written, e.g. "Monday 3 March" */
  date?: string;
  /** how to reach the helpdesk, e.g. "ext. 4357 or helpdesk@contoso.com" */
  helpdesk?: string;
}

export const SECURITY_INFO_URL = 'https://aka.ms/mysecurityinfo';

function given(value: string | undefined, fallback: string): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : fallback;
}

export function communicationDraft(facts: CommunicationFacts = {}): string {
  const organisation = given(facts.organisation, 'Your IT team');
  const date = given(facts.date, '[date]');
  const helpdesk = given(facts.helpdesk, 'the IT helpdesk');
  return [
    `Subject: Your sign-in verification moves to Microsoft Entra on ${date}`,
    '',
    'Hello,',
    '',
    `From ${date}, the second step of your sign-in (the phone call, text`,
    'message or Authenticator approval after your password) will be',
    'handled by Microsoft Entra instead of our own MFA Server.',
    '',
    'What changes for you',
    '- Your existing phone numbers and Authenticator app have been copied',
    '  across. You do not need to register again.',
    '- The verification screens will look slightly different: they now come',
    '  from Microsoft.',
    '- When you approve a notification in Authenticator, you may be asked',
    '  to type the number shown on the sign-in screen.',
    '',
    'Where to manage your methods',
    `- From ${date}, add or change phone numbers and apps at`,
    `  ${SECURITY_INFO_URL}`,
    '- Please stop using the old MFA Server user portal. Once you manage',
    '  your methods at the new page, changes made in the old portal are no',
    '  longer carried over, and changes made at the new page do not appear',
    '  in the old portal.',
    '',
    'Authenticator app',
    '- The account you used with the old MFA Server may keep its old name',
    '  in the app. It still works. You can rename it so that you recognise',
    '  it; please do not delete it.',
    '',
    `Questions or trouble signing in: contact ${helpdesk}.`,
    '',
    'Thank you,',
    organisation,
    '',
  ].join('\n');
}
