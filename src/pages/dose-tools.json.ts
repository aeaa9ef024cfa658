/** The dose tools' regimens, trough ranges and product strengths, fetched by the calculator when it is first used. */
import type { APIRoute } from 'astro';
import { loadDoseToolsBundle } from '../lib/dose-tools-data';

export const GET: APIRoute = () => new Response(JSON.stringify(loadDoseToolsBundle()), { headers: { 'Content-Type': 'application/json' } });
