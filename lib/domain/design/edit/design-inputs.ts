import { z } from 'zod';

/** Inputs shared by the design actions and their forms. */
export const designId = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, 'Not a design id.');
export const revision = z.int().min(1);
export const designName = z.string().trim().min(1, 'Give the design a name.').max(200, 'Keep the name under 200 characters.');
export const clusterName = z.string().min(1).max(63);
export const environmentName = z.string().min(1).max(63).nullable();
