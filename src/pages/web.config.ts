/**
 * `web.config` for IIS, written into dist/ so the folder can be copied straight to an intranet IIS
 * site or application: Pagefind's file types (IIS refuses unknown extensions), the security headers
 * from src/lib/security-headers.ts, and the 404 page.
 */
import type { APIRoute } from 'astro';
import { securityHeaders } from '../lib/security-headers';
import { mimeTypes, typesIisLacks } from '../lib/mime-types';

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export const GET: APIRoute = () => {
  const mimeMaps = typesIisLacks
    .map((extension) => [extension, mimeTypes[extension].split(';')[0]])
    .map(([extension, type]) => `      <remove fileExtension="${extension}" />\n      <mimeMap fileExtension="${extension}" mimeType="${type}" />`)
    .join('\n');
  const headers = Object.entries(securityHeaders())
    .map(([name, value]) => `        <add name="${name}" value="${escapeXml(value)}" />`)
    .join('\n');
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- Tacrolimus Reference: IIS settings. Generated at build time; edit src/pages/web.config.ts instead. -->
<configuration>
  <system.webServer>
    <staticContent>
${mimeMaps}
    </staticContent>
    <httpProtocol>
      <customHeaders>
${headers}
      </customHeaders>
    </httpProtocol>
    <httpErrors errorMode="Custom" existingResponse="Replace">
      <remove statusCode="404" />
      <error statusCode="404" path="404.html" responseMode="File" />
    </httpErrors>
    <urlCompression doStaticCompression="true" />
  </system.webServer>
</configuration>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
};
