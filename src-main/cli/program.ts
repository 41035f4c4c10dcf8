import { Command, Option } from 'commander';
import { createContext } from './context.js';
import { commandGroups } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('sohoa')
    .description('SoHoa — số hóa hồ sơ một cửa: quét, làm sạch, OCR, PDF ký số, đồng bộ')
    .option('--data-dir <dir>', 'data directory (env SOHOA_DATA_DIR; default: the OS app-data folder)')
    .addOption(new Option('--ui-lang <lang>', 'language of messages (env SOHOA_LANG)').choices(['vi', 'en']))
    .showHelpAfterError()
    .showSuggestionAfterError()
    .exitOverride();
  const ctx = createContext(program);
  for (const register of commandGroups) register(program, ctx);
  return program;
}
