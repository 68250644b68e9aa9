/**
 * Sent with every answer. Spark's UI sends `X-Frame-Options: SAMEORIGIN` (unless spark.ui.allowFramingFrom) and
 * nosniff; the policy adds what a console holding sign-in sessions needs: scripts, styles sheets, images and
 * API calls from this origin only (inline style attributes are allowed: charts and virtualised rows position
 * with them), no plugins, no foreign <base>, and no framing by other sites (clickjacking).
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Frame-Options', 'SAMEORIGIN'],
  [
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
      "object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
  ],
  ['Referrer-Policy', 'same-origin'],
];
