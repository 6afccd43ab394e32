import 'server-only';
import { designStore } from '@/lib/store';
import { guardedLoad } from './guarded-load';

export function loadDesignList() {
  return guardedLoad({ permission: 'design:read' }, () => designStore().list());
}

export function loadDesign(id: string) {
  return guardedLoad({ permission: 'design:read', resource: id }, () => designStore().get(id));
}

export function loadDesignApplies(id: string) {
  return guardedLoad({ permission: 'design:read', resource: id }, () => designStore().listApplies(id, 50));
}
