// The scanner is pure and lives in shared/ so the renderer's SBOM import locates faults the same way.
export * from '../../shared/domain/json-scan';
