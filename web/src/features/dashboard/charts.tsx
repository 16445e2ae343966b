/** ECharts with only the pieces the dashboard draws (keeps the chunk small). */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const PALETTE = ['#b71c1c', '#e57373', '#f9a825', '#6d4c41', '#1e88e5', '#43a047', '#8e24aa', '#00897b', '#f4511e', '#546e7a'];

export function StackedBars({ categories, series, height = 300 }: { categories: string[]; series: { name: string; data: number[] }[]; height?: number }) {
  return (
    <ReactEChartsCore echarts={echarts} style={{ height }} notMerge
      option={{
        color: PALETTE,
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({ ...s, type: 'bar', stack: 'total', barMaxWidth: 28 })),
      }} />
  );
}

export function Bars({ categories, data, name, height = 240 }: { categories: string[]; data: number[]; name: string; height?: number }) {
  return (
    <ReactEChartsCore echarts={echarts} style={{ height }} notMerge
      option={{
        color: ['#b71c1c'],
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name, type: 'bar', data, barMaxWidth: 36, label: { show: true, position: 'top' } }],
      }} />
  );
}
