// `npm test` at the root runs every workspace's Jest project (and the repository checks' in scripts/)
// in one run; each workspace's own `npm test` runs just its project.
export default {
  projects: [
    '<rootDir>/packages/*',
    '<rootDir>/apps/*',
    '<rootDir>/hubspot-app',
    '<rootDir>/bench',
    '<rootDir>/scripts',
  ],
  maxWorkers: 2,
};
