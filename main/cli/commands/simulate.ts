import type { Command } from 'commander';
import type { simulateDocumentCamera } from './simulate-document-camera';
import type { simulateIdCard } from './simulate-idcard';
import type { simulateSignaturePad } from './simulate-signature-pad';
import type { simulateEvaluator, simulateScanner } from './simulate-scanner-evaluator';
import type { simulateQueue, simulateQueueCaller } from './simulate-queue';

export function register(program: Command): void {
  const simulate = program.command('simulate').description('设备模拟器，在伪终端上说真实协议（simulators）');
  simulate
    .command('idcard')
    .description('模拟身份证阅读器，打印串口路径')
    .option('--card <file>', '卡片 JSON 文件')
    .option('--baud <n>', '波特率', '115200')
    .option('--faults <list>', '故障注入：garbage,split,badchecksum,silence,late,unplug,lockup')
    .option('--link <path>', '再建一个指向伪终端的固定路径（拔插后不变）')
    .option('--late-ms <ms>', 'late 故障：放卡后多久卡片才到位', '1500')
    .action(async (opts: Parameters<typeof simulateIdCard>[0]) => (await import('./simulate-idcard')).simulateIdCard(opts));
  simulate
    .command('scanner')
    .description('模拟串口扫码枪，打印串口路径')
    .requiredOption('--lines <file>', '每行一个条码内容')
    .option('--encoding <enc>', 'utf8 或 gb18030', 'utf8')
    .option('--interval <ms>', '两次扫码的间隔', '500')
    .option('--repeat', '发完后从头循环')
    .action(async (opts: Parameters<typeof simulateScanner>[0]) => (await import('./simulate-scanner-evaluator')).simulateScanner(opts));
  simulate
    .command('evaluator')
    .description('模拟好差评评价器（串口按键器，PROTOCOL.md），打印串口路径')
    .option('--answer <spec...>', '依次回答评价请求：1–5[:原因|原因]、timeout 或 silent；不给则从标准输入读按键 1–5')
    .option('--delay <ms>', '收到评价请求后多久按键', '300')
    .action(async (opts: Parameters<typeof simulateEvaluator>[0]) => (await import('./simulate-scanner-evaluator')).simulateEvaluator(opts));
  simulate
    .command('queue')
    .description('参考排队系统（HTTP/WebSocket，central/queue/PROTOCOL.md）加取号机，打印地址')
    .option('--port <n>', '端口（0 为任选）', '0')
    .option('--queues <list>', '取号机循环发号的队列', 'A,B')
    .option('--interval <ms>', '每隔多久发一张号（0 不自动发号）', '5000')
    .option('--token <t>', '要求窗口带此令牌')
    .action(async (opts: Parameters<typeof simulateQueue>[0], cmd: Command) => (await import('./simulate-queue')).simulateQueue(opts, cmd));
  simulate
    .command('queue-caller')
    .description('模拟窗口叫号器（串口，native/queue-caller/PROTOCOL.md），打印串口路径')
    .option('--addr <n>', '叫号器地址', '1')
    .option('--baud <n>', '模拟线路波特率（按此速度发字节）', '9600')
    .option('--queues <list>', '自动发号的队列', 'A')
    .option('--interval <ms>', '每隔多久发一张号（0 不自动发号）', '5000')
    .action(async (opts: Parameters<typeof simulateQueueCaller>[0]) => (await import('./simulate-queue')).simulateQueueCaller(opts));
  simulate
    .command('signature-pad')
    .description('打印某型号签名板写“王”字时发出的 HID 报告（每行：毫秒 十六进制），供测试和核对型号表')
    .requiredOption('--model <key>', '型号键（pad-models.json 或 --models 文件）')
    .option('--models <file>', '追加的签名板型号文件（同 YICHUANG_SIGNATURE_PAD_MODELS）')
    .option('--finish <key>', '写完后按的键：confirm、clear、cancel 或 none', 'none')
    .option('--rate <hz>', '报告频率', '200')
    .option('--json', '以 JSON 输出（测试夹具的格式）')
    .action(async (opts: Parameters<typeof simulateSignaturePad>[0]) => (await import('./simulate-signature-pad')).simulateSignaturePad(opts));
  simulate
    .command('document-camera')
    .description('模拟高拍仪厂商服务（本机 WebSocket），打印 ws:// 地址；拍照返回生成的测试页')
    .option('--dialect <key>', '协议：generic（一窗通用）或 liangtian（良田/科密风格）', 'generic')
    .option('--port <n>', '端口（0：任选空闲端口）', '9000')
    .option('--fps <n>', '预览帧率', '10')
    .action(async (opts: Parameters<typeof simulateDocumentCamera>[0]) => (await import('./simulate-document-camera')).simulateDocumentCamera(opts));
}
