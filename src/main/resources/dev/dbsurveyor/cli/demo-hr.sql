-- The demo's HR database: two schemas, a composite type and a materialized view.
CREATE SCHEMA payroll;
CREATE TYPE payroll.money_range AS (low numeric, high numeric);
CREATE TABLE departments (id int PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE employees (
    id int PRIMARY KEY,
    department_id int REFERENCES departments (id),
    name text NOT NULL,
    hired date NOT NULL
);
CREATE TABLE payroll.salaries (employee_id int PRIMARY KEY REFERENCES employees (id), amount numeric(10,2) NOT NULL CHECK (amount > 0));
CREATE MATERIALIZED VIEW payroll.department_costs AS
    SELECT e.department_id, sum(s.amount) AS total FROM employees e JOIN payroll.salaries s ON s.employee_id = e.id GROUP BY 1;
