// Reports go to change boards and tickets: phone numbers in free text (notes, evidence, reasons) are
// masked unless the admin asks otherwise. "+1 425 555 0100" -> "+1 ••• ••• ••00": the country code and
// the last two digits stay so a reader can still tell numbers apart; the layout stays so it reads as one.

export const MASK_CHAR = '•';

// A run of digits with the separators people type in phone numbers. Anchored so that it does not start
// or end inside a word, a hash, a GUID, a path or a time.
const CANDIDATE = /(?<![\w.:/+-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d(?:[\d .-]*\d)?(?![\w:/]|\.\d)/g;

// A date, alone or followed by more numbers ("2026-11-25 1000 users"), is never a phone number.
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:$|[ .])/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

/** Whether a candidate run is a phone number rather than a date, an IP address or a plain count. */
function looksLikePhone(run: string): boolean {
  const digits = digitCount(run);
  if (digits > 15) return false; // E.164 allows at most 15 digits
  if (DATE_LIKE.test(run) || DOTTED_QUAD.test(run)) return false;
  if (run.startsWith('+')) return digits >= 7;
  if (run.includes('(')) return digits >= 7;
  return digits >= 10;
}

function maskRun(run: string): string {
  const country = /^\+\d{1,3}(?=[ .-])/.exec(run)?.[0] ?? '';
  const rest = run.slice(country.length);
  const keep = 2;
  let toMask = digitCount(rest) - keep;
  let out = '';
  for (const ch of rest) {
    if (/\d/.test(ch) && toMask > 0) {
      out += MASK_CHAR;
      toMask--;
    } else {
      out += ch;
    }
  }
  return country + out;
}

/** Mask every phone-number-looking run in free text; everything else is returned unchanged. */
export function maskPhoneNumbers(text: string): string {
  return text.replace(CANDIDATE, (run) => {
    // The pattern may swallow a trailing separator run such as "0100 - "; trim it back off.
    const trimmed = run.replace(/[ .-]+$/, '');
    const tail = run.slice(trimmed.length);
    return looksLikePhone(trimmed) ? maskRun(trimmed) + tail : run;
  });
}
