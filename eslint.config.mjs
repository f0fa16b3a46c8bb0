// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      'src/demo/**/*.js',
      'clients/typescript/dist/**',
      'clients/typescript/src/generated/**',
      'eslint.config.mjs',
      '**/*.mjs',
      '.dependency-cruiser.cjs',
      'jest.config.js',
      'test/suite/jest.child.config.js',
      'test/bench/**/*.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config only.' },
      ],
    },
  },
  {
    // One way to reach the database outside the ORM (issue #15): hand-written SQL lives in a feature's
    // `*.queries.ts` file and runs through src/common/database/sql.ts.
    files: ['src/**/*.ts'],
    ignores: [
      'src/**/*.queries.ts',
      'src/common/database/sql.ts',
      'src/app/database/migrations/**',
      'src/klarna-emulator/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='execute'][callee.object.name='em']",
          message:
            "Hand-written SQL goes in the feature's *.queries.ts file, through sql() (src/common/database/sql.ts).",
        },
        {
          selector: "CallExpression[callee.property.name='execute'][callee.object.property.name='em']",
          message:
            "Hand-written SQL goes in the feature's *.queries.ts file, through sql() (src/common/database/sql.ts).",
        },
        {
          selector: "CallExpression[callee.property.name='execute'][callee.object.name='tx']",
          message:
            "Hand-written SQL goes in the feature's *.queries.ts file, through sql() (src/common/database/sql.ts).",
        },
        {
          // em.fork().execute(…) slipped past the rules above (issue #15).
          selector:
            "CallExpression[callee.property.name='execute'][callee.object.callee.property.name='fork']",
          message: 'Hand-written SQL belongs in a *.queries.ts file, through sql().',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(getConnection|getKnex)$/]',
          message: 'Reach the database outside the ORM only through sql() in a *.queries.ts file.',
        },
        {
          selector: 'ImportSpecifier[imported.name=/^(sql|sqlRowCount|sqlParams)$/]',
          message: 'sql() is used from *.queries.ts files only.',
        },
      ],
    },
  },
  {
    files: ['src/config/**/*.ts', 'src/klarna-emulator/emulator.config.ts', 'test/**/*.ts', 'jest.config.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Optional request fields may be absent, never null (issue #13 item 9): @IsOptional() and the default
    // PartialType skip null, so request DTOs use OptionalField() and PartialDto() from common/validation/fields.
    files: ['src/**/*.ts'],
    ignores: ['src/config/env.schema.ts', 'src/klarna-emulator/**', 'src/common/validation/fields.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use OptionalField() (src/common/validation/fields.ts): it refuses null.',
            },
            {
              name: '@nestjs/swagger',
              importNames: ['PartialType'],
              message: 'Use PartialDto() (src/common/validation/fields.ts): it refuses null.',
            },
            {
              name: '@nestjs/mapped-types',
              message: 'Use PartialDto() (src/common/validation/fields.ts): it refuses null.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
