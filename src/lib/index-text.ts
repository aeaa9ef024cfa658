/**
 * The HTML Pagefind indexes, made from a built page. Pagefind joins the text of neighbouring table
 * cells with nothing between them, and the built pages carry no whitespace between tags, so
 * "Product</th><th>Release" was indexed as one word, "productrelease", and "20 kg</th>...<th>25 kg"
 * as "kg25". A space after each closing cell keeps the words apart, in the index and in the excerpts.
 * The served page is not changed (whitespace between cells shows nothing).
 */
export function spaceTableCells(html: string): string {
  return html.replace(/<\/(td|th)>(?!\s)/gi, (closing) => `${closing} `);
}

/**
 * The readable text of a built page: no tags, scripts, styles or attribute values (so alias words
 * indexed from attributes are not counted as words the page uses), entities decoded.
 */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
