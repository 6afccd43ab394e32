'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { importDesignFile, MAX_DESIGN_FILE_BYTES } from '@/lib/domain/design/edit/new-design';
import { designStore } from '@/lib/store';
import { defineAction, ValidationFailure } from '../safe-action';

export const importDesign = defineAction({
  name: 'import-design',
  schema: z.object({ fileName: z.string().max(300), text: z.string().min(1, 'The file is empty.').max(MAX_DESIGN_FILE_BYTES, 'The file is too large for a design.') }),
  permission: 'design:write',
  handler: async ({ fileName, text }) => {
    const imported = importDesignFile(text);
    if (!imported.ok) throw new ValidationFailure({ file: `${fileName} cannot be imported: ${imported.problems.slice(0, 5).join(' · ')}${imported.problems.length > 5 ? ` (and ${imported.problems.length - 5} more)` : ''}` });
    const created = await designStore().create({ document: imported.design, origin: `import:${imported.format}` });
    revalidatePath('/designs');
    return { id: created.id, name: created.name, warnings: imported.warnings };
  },
});
