/** @module Image measures for the camera and ID-photo checks: the camera check needs only luma.ts; photo.ts loads with the ID-photo check. */
export * from './luma.ts';
export * from './photo.ts';
