/** The dose tools' regimens and trough ranges, fetched by the calculator when it is first used. */
import type { APIRoute } from 'astro';
import { loadDoseTools } from '../lib/dose-tools-data';

export const GET: APIRoute = () => new Response(JSON.stringify(loadDoseTools()), { headers: { 'Content-Type': 'application/json' } });
