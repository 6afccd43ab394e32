import { z } from 'zod';
import { authorize } from '@/lib/auth/guard';
import { isConsoleError } from '@/lib/domain/console-error';
import { designExporter } from '@/lib/domain/design/export/registry';
import { UnknownEnvironmentError } from '@/lib/domain/design/environment';
import { designStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

const params = z.object({ id: z.string().min(1).max(64), exporter: z.string().min(1).max(64) });

/** One exporter's output as a download: `GET /api/designs/{id}/export/{exporter}?environment=dev`. */
export async function GET(request: Request, context: { params: Promise<{ id: string; exporter: string }> }) {
  const parsed = params.safeParse(await context.params);
  if (!parsed.success) return Response.json({ error: 'Bad design or exporter id.' }, { status: 400 });
  const { id, exporter: exporterId } = parsed.data;
  await authorize({ permission: 'design:read', resource: id });
  const exporter = designExporter(exporterId);
  if (!exporter) return Response.json({ error: `There is no exporter "${exporterId}".` }, { status: 404 });
  const environment = new URL(request.url).searchParams.get('environment') || null;
  try {
    const { document } = await designStore().get(id);
    const env = exporter.perEnvironment ? environment : null;
    const body = exporter.run(document, { environment: env });
    const fileName = exporter.fileName(document, env);
    return new Response(body, {
      headers: {
        'Content-Type': `${exporter.mediaType.split(';')[0]}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (e) {
    if (e instanceof UnknownEnvironmentError) return Response.json({ error: e.message }, { status: 400 });
    if (isConsoleError(e)) return Response.json({ error: e.message }, { status: e.category === 'not-found' ? 404 : 500 });
    throw e;
  }
}
