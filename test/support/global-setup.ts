export default async function globalSetup(): Promise<void> {
  // Filled in by the foundation work: starts/uses PostgreSQL and prepares a migrated template database.
}
