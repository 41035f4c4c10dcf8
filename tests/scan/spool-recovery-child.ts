/**
 * The app side of a scan, run as its own process so a test can SIGKILL it at an exact point:
 * scans the test device's feeder into a dossier component and, at page `stopAt`, stops just
 * before the page lands (`before`) or just after the store committed it (`after`), tells the
 * parent (with the scanner host's pid) and waits to be killed.
 * argv: dataDir MaHoSo MaThanhPhanHoSo before|after stopAt [request overrides as JSON]
 */
import { configSchema } from '../../src-main/platform/index.js';
import {
  DossierDestination,
  ScanService,
  type AcquiredImage,
  type PageDestination,
  type ScanRequestInput,
} from '../../src-main/scan/index.js';
import { openStore } from '../../src-main/store/index.js';

const [dataDir = '', MaHoSo = '', component = '', when = '', stopAt = '', overrides = '{}'] =
  process.argv.slice(2);
const store = await openStore(dataDir);
const service = new ScanService(dataDir, () => configSchema.parse({}).scanner);
const dossier = new DossierDestination(store, MaHoSo, component);

async function stop(image: AcquiredImage): Promise<never> {
  process.send?.({ stoppedAt: image.index, hostPid: await service.driver.host.pid() });
  return new Promise<never>(() => setInterval(() => undefined, 60_000));
}

const destination: PageDestination = {
  journal: dossier.journal,
  async land(image) {
    const stopping = image.index === Number(stopAt);
    if (stopping && when === 'before') return stop(image);
    const landed = await dossier.land(image);
    if (stopping && when === 'after') return stop(image);
    return landed;
  },
};

await service.scan(
  {
    device: 'test:0',
    source: 'adf',
    dpi: 50,
    mode: 'gray',
    ...(JSON.parse(overrides) as Partial<ScanRequestInput>),
  },
  destination,
);
process.send?.({ finished: true });
