/**
 * Loopback ports the browser tests serve the two builds on. TEST_PORT moves both (the sub-path build
 * takes the next port, the fixture build the one after), so two checkouts can run their browser tests side by side.
 */
export const rootPort = Number(process.env.TEST_PORT || 4321);
export const subPort = rootPort + 1;
/** The fixture build (`npm run build:fixture`: a sample local file, overdue reviews), when it has been built. */
export const fixturePort = rootPort + 2;
export const fixtureOrigin = `http://127.0.0.1:${fixturePort}`;
export const rootOrigin = `http://127.0.0.1:${rootPort}`;
export const subOrigin = `http://127.0.0.1:${subPort}`;
/** The SITE_URL origin `npm run build:subpath` prints on paper (text only: nothing is served there). */
export const printedSubOrigin = 'http://127.0.0.1:4322';
